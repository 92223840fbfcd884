import RecCore

extension TrainingHistory {
    /// The ``FoldInRecommender`` answer for a user known only by `history`: the known items with finite values
    /// go to `score` as dense indices (ascending) and values; the items of `history` and `excluded` are never
    /// returned. A history with no such item gets the most popular items with `isFallback` set.
    ///
    /// - Parameter score: called once with the item indices, their values and a buffer of `items.count` zeros
    ///   to fill with one score per item.
    /// - Complexity: O(|history| log |history| + items log count) plus the cost of `score`.
    func recommend(forHistory history: [ItemID: Float], count: Int, excluding excluded: Set<ItemID>,
                   score: ([Int32], [Float], UnsafeMutableBufferPointer<Float>) -> Void) -> TopNList {
        let blocked = blockedMask(history: history, excluded: excluded)
        let known = history.compactMap { id, value in items.index(of: id).flatMap { value.isFinite ? (Int32($0), value) : nil } }
            .sorted { $0.0 < $1.0 }
        guard !known.isEmpty else {
            let best = popularity.mostPopular(count) { blocked[$0] }
            return TopNList(items: best.map { ScoredItem(item: items[$0.index], score: $0.score) }, isFallback: true)
        }
        var scores = [Float](repeating: 0, count: items.count)
        scores.withUnsafeMutableBufferPointer { score(known.map(\.0), known.map(\.1), $0) }
        let best = scores.withUnsafeBufferPointer { TopKSelection.best(count, of: $0) { blocked[$0] } }
        return TopNList(items: best.map { ScoredItem(item: items[$0.index], score: $0.score) }, isFallback: false)
    }

    /// One flag per item, set for the items of `history` and `excluded`: those a fold-in list never returns.
    /// - Complexity: O(items + |history| + |excluded|).
    func blockedMask(history: [ItemID: Float], excluded: Set<ItemID>) -> [Bool] {
        var blocked = [Bool](repeating: false, count: items.count)
        for id in excluded { if let index = items.index(of: id) { blocked[index] = true } }
        for id in history.keys { if let index = items.index(of: id) { blocked[index] = true } }
        return blocked
    }
}
