import RecCore

/// One split for top-N evaluation: positive interactions to train on and, per user, the positives
/// held out as that user's relevant items.
///
/// A separate type from ``TrainTestSplit`` because top-N metrics need each user's held-out items as a
/// set, and implicit models train on positives only. Every training interaction keeps its user, item,
/// kind and timestamp, with value 1.
public struct ImplicitSplit: Sendable, Hashable {
    /// The protocol's name for reports, e.g. `"p1-temporal"` or `"validation"`.
    public var name: String
    /// Training positives (value 1), grouped by user in ascending id order, each user's in protocol order.
    public var train: [Interaction]
    /// Held-out positives by user; only users with at least one held-out item appear.
    public var test: [UserID: Set<ItemID>]

    /// Creates a split.
    public init(name: String, train: [Interaction], test: [UserID: Set<ItemID>]) {
        self.name = name
        self.train = train
        self.test = test
    }
}
