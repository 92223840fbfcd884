/// An item and the score a model gave it; larger is better.
public struct ScoredItem: Sendable, Hashable, Codable {
    /// The item.
    public var item: ItemID
    /// Its score: a predicted rating for rating predictors, an arbitrary relevance otherwise.
    public var score: Float

    /// Creates a scored item.
    public init(item: ItemID, score: Float) {
        self.item = item
        self.score = score
    }
}
