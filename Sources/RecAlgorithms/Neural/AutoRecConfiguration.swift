import RecCore

/// Options for ``AutoRec``.
public struct AutoRecConfiguration: Sendable, Codable, Equatable {
    /// Hidden units: the length of each item's code.
    public var hiddenUnits: Int
    /// The encoder's nonlinearity (the paper's is the sigmoid; the decoder is linear).
    public var activation: Activation
    /// Standard deviation of the normal that initialises encoder and decoder weights.
    public var initialStandardDeviation: Float
    /// Mini-batches (of items), Adam, early stopping, seed and workers.
    public var training: NeuralTrainingConfiguration

    /// Creates a configuration; 500 sigmoid units follow Sedhain et al. 2015, the training options were chosen on a
    /// validation slice of ML-100K's `u1.base`.
    public init(hiddenUnits: Int = 500, activation: Activation = .sigmoid, initialStandardDeviation: Float = 0.03,
                training: NeuralTrainingConfiguration = .init(epochs: 200, batchSize: 64,
                                                              optimizer: .init(learningRate: 0.001, weightDecay: 2),
                                                              patience: 5)) {
        self.hiddenUnits = hiddenUnits
        self.activation = activation
        self.initialStandardDeviation = initialStandardDeviation
        self.training = training
    }

    /// Checks every value is in range.
    /// - Throws: `AlgorithmError` `.invalidConfiguration` naming the field, what was expected and what was found.
    public func validate() throws {
        func fail(_ field: String, _ expected: String, _ found: Any) -> AlgorithmError {
            AlgorithmError.invalidConfiguration("AutoRecConfiguration", field: field, expected: expected, found: "\(found)")
        }
        if hiddenUnits < 1 { throw fail("hiddenUnits", "an integer ≥ 1", hiddenUnits) }
        if !(initialStandardDeviation >= 0 && initialStandardDeviation.isFinite) {
            throw fail("initialStandardDeviation", "a finite number ≥ 0", initialStandardDeviation)
        }
        try training.validate("AutoRecConfiguration")
    }
}
