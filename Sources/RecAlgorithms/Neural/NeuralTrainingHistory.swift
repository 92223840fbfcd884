/// What a neural model's training recorded per epoch: the learning curve and the epoch that was kept.
public struct NeuralTrainingHistory: Sendable, Codable, Equatable {
    /// Root mean squared error on the training samples during each epoch (dropout on, before each step).
    public var trainingRMSEs: [Float] = []
    /// Validation RMSE after each epoch; empty when validation was off.
    public var validationRMSEs: [Float] = []
    /// The epoch (from 1) whose parameters the model holds, when validation ran.
    public var bestEpoch: Int?

    /// An empty history.
    public init() {}
}
