/// What every top-N model keeps from its training data besides its parameters: the id maps, each user's
/// seen items and item popularity. It turns a model's "score every item for user u" into a ``TopNList``
/// that honours the ``TopNRecommender`` contract, so no model rewrites exclusion, fallback or selection.
public struct TrainingHistory: Sendable, Codable {
    /// Users by dense index.
    public let users: IDIndex<UserID>
    /// Items by dense index.
    public let items: IDIndex<ItemID>
    /// CSR offsets of each user's seen items in ``seenItems``.
    public let seenOffsets: [Int]
    /// Seen item indices, ascending within each user.
    public let seenItems: [Int32]
    /// Item popularity for the fallback.
    public let popularity: ItemPopularity

    /// Keeps the id maps, the per-user item lists and popularity of `matrix`.
    /// - Complexity: O(entries log entries per user).
    public init(_ matrix: InteractionMatrix) {
        users = matrix.users
        items = matrix.items
        seenOffsets = matrix.userOffsets
        var seen = matrix.userItems
        for user in 0..<matrix.users.count { seen[matrix.userOffsets[user]..<matrix.userOffsets[user + 1]].sort() }
        seenItems = seen
        popularity = ItemPopularity(matrix)
    }

    /// Item indices user `u` interacted with in training, ascending.
    public func seen(by user: Int) -> ArraySlice<Int32> { seenItems[seenOffsets[user]..<seenOffsets[user + 1]] }

    /// The ``TopNRecommender`` answer for `user`: `score` fills one score per item for a known user;
    /// unknown users get the most popular items with `isFallback` set.
    ///
    /// - Parameter score: called once with the user's dense index and a buffer of `items.count` zeros to fill.
    /// - Complexity: O(items log count) plus the cost of `score`; allocates one score buffer.
    public func recommend(for user: UserID, count: Int, excluding excluded: Set<ItemID>, includeSeen: Bool,
                          score: (Int, UnsafeMutableBufferPointer<Float>) -> Void) -> TopNList {
        var blocked = [Bool](repeating: false, count: items.count)
        for id in excluded { if let index = items.index(of: id) { blocked[index] = true } }
        guard let u = users.index(of: user) else {
            let best = popularity.mostPopular(count) { blocked[$0] }
            return TopNList(items: best.map { ScoredItem(item: items[$0.index], score: $0.score) }, isFallback: true)
        }
        if !includeSeen { for item in seen(by: u) { blocked[Int(item)] = true } }
        var scores = [Float](repeating: 0, count: items.count)
        scores.withUnsafeMutableBufferPointer { score(u, $0) }
        let best = scores.withUnsafeBufferPointer { TopKSelection.best(count, of: $0) { blocked[$0] } }
        return TopNList(items: best.map { ScoredItem(item: items[$0.index], score: $0.score) }, isFallback: false)
    }
}
