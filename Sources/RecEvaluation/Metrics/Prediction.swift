import RecCore

/// One held-out rating and what a model predicted for it.
public struct Prediction: Sendable, Hashable {
    /// Who rated.
    public var user: UserID
    /// What was rated.
    public var item: ItemID
    /// The held-out rating.
    public var actual: Float
    /// The model's prediction.
    public var predicted: Float

    /// Creates a prediction record.
    public init(user: UserID, item: ItemID, actual: Float, predicted: Float) {
        self.user = user
        self.item = item
        self.actual = actual
        self.predicted = predicted
    }
}
