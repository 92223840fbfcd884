/// How many distinct training users interacted with each item: the most-popular baseline's scores and
/// every top-N model's fallback for users without history.
public struct ItemPopularity: Sendable, Codable, Hashable {
    /// Interacting-user count by dense item index.
    public let counts: [Int32]

    /// Counts the entries of each item column of `matrix` (one per stored entry).
    /// - Complexity: O(items).
    public init(_ matrix: InteractionMatrix) {
        counts = (0..<matrix.items.count).map { Int32(matrix.itemOffsets[$0 + 1] - matrix.itemOffsets[$0]) }
    }

    /// The `count` most popular item indices not excluded, best first (ties: smaller index).
    /// - Complexity: O(items log count).
    public func mostPopular(_ count: Int, excluding isExcluded: (Int) -> Bool) -> [(index: Int, score: Float)] {
        let scores = counts.map(Float.init)
        return scores.withUnsafeBufferPointer { TopKSelection.best(count, of: $0, excluding: isExcluded) }
    }
}
