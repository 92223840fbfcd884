import RecCore

/// One fold of an evaluation: interactions to train on and interactions held out to test on.
public struct TrainTestSplit: Sendable {
    /// A label for reports, e.g. `"u1"` or `"fold 3"`.
    public var name: String
    /// Training interactions.
    public var train: [Interaction]
    /// Held-out interactions.
    public var test: [Interaction]

    /// Creates a split.
    public init(name: String, train: [Interaction], test: [Interaction]) {
        self.name = name
        self.train = train
        self.test = test
    }
}
