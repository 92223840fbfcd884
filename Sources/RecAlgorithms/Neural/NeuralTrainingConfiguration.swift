import RecCore

/// The training options every neural rating model shares: Adam on mini-batches, early stopping on a validation
/// slice of the training ratings, a seed and the number of data-parallel workers.
public struct NeuralTrainingConfiguration: Sendable, Codable, Equatable {
    /// Passes over the training samples; an upper bound when validation is on.
    public var epochs: Int
    /// Samples per Adam step (ratings for neural MF and the history LSTM, items for AutoRec).
    public var batchSize: Int
    /// Adam's step size, moments and decoupled weight decay.
    public var optimizer: AdamConfiguration
    /// Share of the training ratings (0 ≤ f < 1) held out, chosen with `seed`, to measure RMSE after every
    /// epoch; 0 trains on everything for exactly `epochs` epochs.
    public var validationFraction: Float
    /// With validation on: epochs without a new best validation RMSE before training stops.
    public var patience: Int
    /// Seed for the initial weights, the validation split, each epoch's shuffle and the dropout masks.
    public var seed: UInt64
    /// Workers computing each mini-batch's gradient, one contiguous share of the batch each, summed in worker
    /// order. The same seed and `threads` give bitwise the same model; another `threads` changes only rounding.
    public var threads: Int

    /// Creates a configuration; the defaults suit MovieLens-sized data on two cores.
    public init(epochs: Int = 40, batchSize: Int = 256, optimizer: AdamConfiguration = .init(),
                validationFraction: Float = 0.05, patience: Int = 3, seed: UInt64 = 0, threads: Int = 2) {
        self.epochs = epochs
        self.batchSize = batchSize
        self.optimizer = optimizer
        self.validationFraction = validationFraction
        self.patience = patience
        self.seed = seed
        self.threads = threads
    }

    /// Checks every value is in range.
    /// - Throws: `AlgorithmError` `.invalidConfiguration` naming `owner`'s field, what was expected and found.
    func validate(_ owner: String) throws {
        func fail(_ field: String, _ expected: String, _ found: Any) -> AlgorithmError {
            AlgorithmError.invalidConfiguration(owner, field: "training.\(field)", expected: expected, found: "\(found)")
        }
        if epochs < 0 { throw fail("epochs", "an integer ≥ 0", epochs) }
        if batchSize < 1 { throw fail("batchSize", "an integer ≥ 1", batchSize) }
        if let invalid = optimizer.invalidField { throw fail("optimizer.\(invalid.field)", invalid.expected, invalid.found) }
        if !(validationFraction >= 0 && validationFraction < 1) {
            throw fail("validationFraction", "a number in [0, 1)", validationFraction)
        }
        if patience < 1 { throw fail("patience", "an integer ≥ 1", patience) }
        if !(1...64).contains(threads) { throw fail("threads", "an integer from 1 to 64", threads) }
    }
}
