import RecCore

/// Options for ``NeuralMF``.
public struct NeuralMFConfiguration: Sendable, Codable, Equatable {
    /// Length k of the user and item embeddings (shared by the GMF product and the MLP input).
    public var factors: Int
    /// Widths of the MLP's hidden ReLU layers, input side first; at least one layer, each ≥ 1.
    public var hiddenLayers: [Int]
    /// Dropout rate after each hidden layer while training, in [0, 1).
    public var dropout: Float
    /// Standard deviation of the normal that initialises the embeddings, in embedding units.
    public var embeddingStandardDeviation: Float
    /// Mini-batches, Adam, early stopping, seed and workers.
    public var training: NeuralTrainingConfiguration

    /// Creates a configuration; the defaults were chosen on a validation slice of ML-100K's `u1.base`.
    public init(factors: Int = 32, hiddenLayers: [Int] = [64, 32], dropout: Float = 0.1,
                embeddingStandardDeviation: Float = 0.05,
                training: NeuralTrainingConfiguration = .init(epochs: 40, batchSize: 256,
                                                              optimizer: .init(learningRate: 0.002, weightDecay: 0.05))) {
        self.factors = factors
        self.hiddenLayers = hiddenLayers
        self.dropout = dropout
        self.embeddingStandardDeviation = embeddingStandardDeviation
        self.training = training
    }

    /// Checks every value is in range.
    /// - Throws: `AlgorithmError` `.invalidConfiguration` naming the field, what was expected and what was found.
    public func validate() throws {
        func fail(_ field: String, _ expected: String, _ found: Any) -> AlgorithmError {
            AlgorithmError.invalidConfiguration("NeuralMFConfiguration", field: field, expected: expected, found: "\(found)")
        }
        if factors < 1 { throw fail("factors", "an integer ≥ 1", factors) }
        if hiddenLayers.isEmpty || hiddenLayers.contains(where: { $0 < 1 }) {
            throw fail("hiddenLayers", "one or more layer widths, each ≥ 1", hiddenLayers)
        }
        if !(dropout >= 0 && dropout < 1) { throw fail("dropout", "a number in [0, 1)", dropout) }
        if !(embeddingStandardDeviation >= 0 && embeddingStandardDeviation.isFinite) {
            throw fail("embeddingStandardDeviation", "a finite number ≥ 0", embeddingStandardDeviation)
        }
        try training.validate("NeuralMFConfiguration")
    }
}
