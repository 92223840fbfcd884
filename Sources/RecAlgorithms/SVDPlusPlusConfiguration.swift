/// Options for ``SVDPlusPlus``. Defaults equal Surprise's `SVDpp` defaults so results are comparable as-is.
public struct SVDPlusPlusConfiguration: Sendable, Codable, Equatable {
    /// Latent dimensions k of p_u, q_i and y_j.
    public var factors: Int
    /// Full passes over the training ratings.
    public var epochs: Int
    /// SGD step size for biases and all factors, per rating-unit of error.
    public var learningRate: Float
    /// L2 weight on b_u and b_i, per update.
    public var biasRegularization: Float
    /// L2 weight on p_u, q_i and y_j, per update.
    public var factorRegularization: Float
    /// Standard deviation of the zero-mean normal that initialises p, q and y, in rating units.
    public var initialStandardDeviation: Float
    /// Seed for the initial factors and each epoch's user and rating order.
    public var seed: UInt64

    /// Creates a configuration; every default is Surprise `SVDpp`'s.
    public init(factors: Int = 20, epochs: Int = 20, learningRate: Float = 0.007, biasRegularization: Float = 0.02,
                factorRegularization: Float = 0.02, initialStandardDeviation: Float = 0.1, seed: UInt64 = 0) {
        self.factors = factors
        self.epochs = epochs
        self.learningRate = learningRate
        self.biasRegularization = biasRegularization
        self.factorRegularization = factorRegularization
        self.initialStandardDeviation = initialStandardDeviation
        self.seed = seed
    }

    /// Checks every value is in range.
    /// - Throws: `AlgorithmError` with code `.invalidConfiguration` naming the field, what was expected and found.
    public func validate() throws {
        func fail(_ field: String, _ expected: String, _ found: Any) -> AlgorithmError {
            AlgorithmError.invalidConfiguration("SVDPlusPlusConfiguration", field: field, expected: expected, found: "\(found)")
        }
        if factors < 1 { throw fail("factors", "an integer ≥ 1", factors) }
        if epochs < 0 { throw fail("epochs", "an integer ≥ 0", epochs) }
        if !(learningRate > 0) { throw fail("learningRate", "a number > 0", learningRate) }
        if !(biasRegularization >= 0) { throw fail("biasRegularization", "a number ≥ 0", biasRegularization) }
        if !(factorRegularization >= 0) { throw fail("factorRegularization", "a number ≥ 0", factorRegularization) }
        if !(initialStandardDeviation >= 0) { throw fail("initialStandardDeviation", "a number ≥ 0", initialStandardDeviation) }
    }
}
