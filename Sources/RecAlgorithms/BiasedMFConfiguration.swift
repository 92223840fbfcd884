/// Options for ``BiasedMF``. Defaults equal Surprise's `SVD` defaults so results are comparable as-is.
public struct BiasedMFConfiguration: Sendable, Codable, Equatable {
    /// Latent dimensions k per user and item.
    public var factors: Int
    /// Full passes over the training ratings (an upper bound when early stopping is on).
    public var epochs: Int
    /// SGD step size in the first epoch, per rating-unit of error.
    public var learningRate: Float
    /// How the step size changes by epoch.
    public var learningRateSchedule: LearningRateSchedule
    /// L2 weight on b_u and b_i, per update.
    public var biasRegularization: Float
    /// L2 weight on p_u and q_i, per update.
    public var factorRegularization: Float
    /// Standard deviation of the zero-mean normal that initialises factors, in rating units.
    public var initialStandardDeviation: Float
    /// Fraction of ratings (0 ≤ f < 1) held out, chosen with `seed`, to measure RMSE after each epoch;
    /// 0 turns early stopping off and trains on everything.
    public var validationFraction: Float
    /// With validation on: epochs without a new best validation RMSE before training stops.
    public var patience: Int
    /// Seed for the validation split, the initial factors and each epoch's shuffle.
    public var seed: UInt64
    /// Parallel SGD workers, and the number of user and item blocks (DSGD, Gemulla et al. 2011): user u is in
    /// block u mod `threads`, item i in block i mod `threads`, and each epoch runs `threads` strata of
    /// `threads` blocks that share no user or item, one worker per block. The partition decides which
    /// ratings may be visited in which order, so this value changes the trained model (never its
    /// reproducibility: the same seed and `threads` give bitwise the same model whatever the scheduling).
    /// 1 is plain sequential SGD. Defaults to 2, the cores of the machines Marquee is tuned on.
    public var threads: Int

    /// Creates a configuration; every default is Surprise `SVD`'s except the validation options, which are off.
    public init(factors: Int = 100, epochs: Int = 20, learningRate: Float = 0.005,
                learningRateSchedule: LearningRateSchedule = .constant, biasRegularization: Float = 0.02,
                factorRegularization: Float = 0.02, initialStandardDeviation: Float = 0.1,
                validationFraction: Float = 0, patience: Int = 3, seed: UInt64 = 0, threads: Int = 2) {
        self.factors = factors
        self.epochs = epochs
        self.learningRate = learningRate
        self.learningRateSchedule = learningRateSchedule
        self.biasRegularization = biasRegularization
        self.factorRegularization = factorRegularization
        self.initialStandardDeviation = initialStandardDeviation
        self.validationFraction = validationFraction
        self.patience = patience
        self.seed = seed
        self.threads = threads
    }

    private enum CodingKeys: String, CodingKey {
        case factors, epochs, learningRate, learningRateSchedule, biasRegularization, factorRegularization
        case initialStandardDeviation, validationFraction, patience, seed, threads
    }

    /// Decodes a configuration; `threads` may be absent (configurations written before it existed) and then
    /// takes its default.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(factors: try container.decode(Int.self, forKey: .factors),
                  epochs: try container.decode(Int.self, forKey: .epochs),
                  learningRate: try container.decode(Float.self, forKey: .learningRate),
                  learningRateSchedule: try container.decode(LearningRateSchedule.self, forKey: .learningRateSchedule),
                  biasRegularization: try container.decode(Float.self, forKey: .biasRegularization),
                  factorRegularization: try container.decode(Float.self, forKey: .factorRegularization),
                  initialStandardDeviation: try container.decode(Float.self, forKey: .initialStandardDeviation),
                  validationFraction: try container.decode(Float.self, forKey: .validationFraction),
                  patience: try container.decode(Int.self, forKey: .patience),
                  seed: try container.decode(UInt64.self, forKey: .seed),
                  threads: try container.decodeIfPresent(Int.self, forKey: .threads) ?? 2)
    }

    /// Checks every value is in range.
    /// - Throws: `AlgorithmError` with code `.invalidConfiguration` naming the field, what was expected and found.
    public func validate() throws {
        func fail(_ field: String, _ expected: String, _ found: Any) -> AlgorithmError {
            AlgorithmError.invalidConfiguration("BiasedMFConfiguration", field: field, expected: expected, found: "\(found)")
        }
        if factors < 1 { throw fail("factors", "an integer ≥ 1", factors) }
        if epochs < 0 { throw fail("epochs", "an integer ≥ 0", epochs) }
        if !(learningRate > 0) { throw fail("learningRate", "a number > 0", learningRate) }
        if case let .exponentialDecay(rate) = learningRateSchedule, !(rate > 0 && rate <= 1) {
            throw fail("learningRateSchedule.rate", "a number in (0, 1]", rate)
        }
        if !(biasRegularization >= 0) { throw fail("biasRegularization", "a number ≥ 0", biasRegularization) }
        if !(factorRegularization >= 0) { throw fail("factorRegularization", "a number ≥ 0", factorRegularization) }
        if !(initialStandardDeviation >= 0) { throw fail("initialStandardDeviation", "a number ≥ 0", initialStandardDeviation) }
        if !(validationFraction >= 0 && validationFraction < 1) { throw fail("validationFraction", "a number in [0, 1)", validationFraction) }
        if patience < 1 { throw fail("patience", "an integer ≥ 1", patience) }
        if !(1...64).contains(threads) { throw fail("threads", "an integer from 1 to 64", threads) }
    }
}
