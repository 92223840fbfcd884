import RecCore

/// Options for ``LSTMHistory``.
public struct LSTMHistoryConfiguration: Sendable, Codable, Equatable {
    /// k: how many of the user's previous ratings, latest last, the LSTM reads; ≥ 1.
    public var historyLength: Int
    /// Length of the learned item embeddings used for history steps and the target item.
    public var itemFactors: Int
    /// The LSTM's hidden units.
    public var hiddenUnits: Int
    /// Width of the ReLU layer between [h ; target item] and the output.
    public var outputHiddenUnits: Int
    /// Dropout rate after that layer while training, in [0, 1).
    public var dropout: Float
    /// Standard deviation of the normal that initialises the item embeddings.
    public var embeddingStandardDeviation: Float
    /// Mini-batches (of ratings), Adam, early stopping, seed and workers.
    public var training: NeuralTrainingConfiguration

    /// Creates a configuration; the defaults are untuned first choices, sized so a fold of ML-100K fits in well
    /// under two minutes on two cores (about 15 s measured).
    public init(historyLength: Int = 8, itemFactors: Int = 16, hiddenUnits: Int = 24, outputHiddenUnits: Int = 32,
                dropout: Float = 0.1, embeddingStandardDeviation: Float = 0.05,
                training: NeuralTrainingConfiguration = .init(epochs: 20, batchSize: 256,
                                                              optimizer: .init(learningRate: 0.002, weightDecay: 0.05))) {
        self.historyLength = historyLength
        self.itemFactors = itemFactors
        self.hiddenUnits = hiddenUnits
        self.outputHiddenUnits = outputHiddenUnits
        self.dropout = dropout
        self.embeddingStandardDeviation = embeddingStandardDeviation
        self.training = training
    }

    /// Checks every value is in range.
    /// - Throws: `AlgorithmError` `.invalidConfiguration` naming the field, what was expected and what was found.
    public func validate() throws {
        func fail(_ field: String, _ expected: String, _ found: Any) -> AlgorithmError {
            AlgorithmError.invalidConfiguration("LSTMHistoryConfiguration", field: field, expected: expected, found: "\(found)")
        }
        if historyLength < 1 { throw fail("historyLength", "an integer ≥ 1 (previous ratings the LSTM reads)", historyLength) }
        if itemFactors < 1 { throw fail("itemFactors", "an integer ≥ 1", itemFactors) }
        if hiddenUnits < 1 { throw fail("hiddenUnits", "an integer ≥ 1", hiddenUnits) }
        if outputHiddenUnits < 1 { throw fail("outputHiddenUnits", "an integer ≥ 1", outputHiddenUnits) }
        if !(dropout >= 0 && dropout < 1) { throw fail("dropout", "a number in [0, 1)", dropout) }
        if !(embeddingStandardDeviation >= 0 && embeddingStandardDeviation.isFinite) {
            throw fail("embeddingStandardDeviation", "a finite number ≥ 0", embeddingStandardDeviation)
        }
        try training.validate("LSTMHistoryConfiguration")
    }
}
