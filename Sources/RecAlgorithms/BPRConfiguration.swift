/// Options for ``BPR``. Defaults equal implicit's `BayesianPersonalizedRanking` (factors 100, learning rate
/// 0.01, regularization 0.01, 100 iterations, negative samples verified).
public struct BPRConfiguration: Sendable, Codable, Equatable {
    /// Latent dimensions k per user and item (plus one item bias), k ≥ 1.
    public var factors: Int
    /// Passes over the data; each draws as many (user, positive, negative) triples as there are interactions.
    public var epochs: Int
    /// SGD step size in the first epoch, per unit of the log-sigmoid gradient.
    public var learningRate: Float
    /// How the step size changes by epoch.
    public var learningRateSchedule: LearningRateSchedule
    /// L2 weight on the user vector, both item vectors and the item biases, per update.
    public var regularization: Float
    /// Draws of a negative item per triple until one the user has not interacted with is found; when all
    /// fail the triple is skipped. implicit draws once and skips (`verify_negative_samples=True`).
    public var negativeSampleAttempts: Int
    /// Users and items are reshuffled into this many groups each epoch and trained as strata × strata blocks,
    /// the blocks of one diagonal in parallel (DSGD, Gemulla et al. 2011); 1 trains sequentially. The default 2
    /// uses both cores. The model depends on this value but never on thread timing.
    public var strata: Int
    /// Seed for the initial factors, the epoch shuffles and every sample.
    public var seed: UInt64
    /// SGD passes over the history when folding in a new user (item factors fixed).
    public var foldInEpochs: Int
    /// Step size of fold-in SGD.
    public var foldInLearningRate: Float

    /// Creates a configuration; training defaults are implicit's.
    public init(factors: Int = 100, epochs: Int = 100, learningRate: Float = 0.01,
                learningRateSchedule: LearningRateSchedule = .constant, regularization: Float = 0.01,
                negativeSampleAttempts: Int = 5, strata: Int = 2, seed: UInt64 = 0,
                foldInEpochs: Int = 30, foldInLearningRate: Float = 0.05) {
        self.factors = factors
        self.epochs = epochs
        self.learningRate = learningRate
        self.learningRateSchedule = learningRateSchedule
        self.regularization = regularization
        self.negativeSampleAttempts = negativeSampleAttempts
        self.strata = strata
        self.seed = seed
        self.foldInEpochs = foldInEpochs
        self.foldInLearningRate = foldInLearningRate
    }

    /// Checks every value is in range.
    /// - Throws: `AlgorithmError` `.invalidConfiguration` naming the field, what was expected and found.
    public func validate() throws {
        func fail(_ field: String, _ expected: String, _ found: Any) -> AlgorithmError {
            AlgorithmError.invalidConfiguration("BPRConfiguration", field: field, expected: expected, found: "\(found)")
        }
        if factors < 1 { throw fail("factors", "an integer ≥ 1", factors) }
        if epochs < 0 { throw fail("epochs", "an integer ≥ 0", epochs) }
        if !(learningRate > 0 && learningRate.isFinite) { throw fail("learningRate", "a finite number > 0", learningRate) }
        if case let .exponentialDecay(rate) = learningRateSchedule, !(rate > 0 && rate <= 1) {
            throw fail("learningRateSchedule.rate", "a number in (0, 1]", rate)
        }
        if !(regularization >= 0 && regularization.isFinite) { throw fail("regularization", "a finite number ≥ 0", regularization) }
        if negativeSampleAttempts < 1 { throw fail("negativeSampleAttempts", "an integer ≥ 1", negativeSampleAttempts) }
        if !(1...64).contains(strata) { throw fail("strata", "an integer from 1 to 64", strata) }
        if foldInEpochs < 0 { throw fail("foldInEpochs", "an integer ≥ 0", foldInEpochs) }
        if !(foldInLearningRate > 0 && foldInLearningRate.isFinite) {
            throw fail("foldInLearningRate", "a finite number > 0", foldInLearningRate)
        }
    }
}
