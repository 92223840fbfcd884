import RecAlgorithms
import RecCore

/// Options for ``RatingStack``: which models to blend and how the blend weights are fitted.
public struct RatingStackConfiguration: Sendable, Codable, Equatable {
    /// The models blended, each with its own hyperparameters; at least two.
    public var members: [RatingModelConfiguration]
    /// Share of the training ratings (0 < f < 1) held out, chosen with `seed`, on which the weights are fitted.
    public var validationFraction: Float
    /// Ridge penalty on the weights, per held-out rating.
    public var regularization: Float
    /// Seed of the held-out slice.
    public var seed: UInt64

    /// Creates a configuration; the default blends AutoRec, neural MF and SVD++ (50 factors, λ 0.05, σ 0.01, the
    /// middle of SVD++'s tuning grid).
    public init(members: [RatingModelConfiguration] = [
                    .autorec(AutoRecConfiguration()), .neuralMF(NeuralMFConfiguration()),
                    .svdpp(SVDPlusPlusConfiguration(factors: 50, epochs: 20, learningRate: 0.007, biasRegularization: 0.05,
                                                    factorRegularization: 0.05, initialStandardDeviation: 0.01)),
                ],
                validationFraction: Float = 0.1, regularization: Float = 1e-3, seed: UInt64 = 0) {
        self.members = members
        self.validationFraction = validationFraction
        self.regularization = regularization
        self.seed = seed
    }

    /// Checks every value is in range (members check their own when fitted).
    /// - Throws: ``PipelineError`` `.invalidArgument` naming the field, what was expected and what was found.
    public func validate() throws {
        func fail(_ field: String, _ expected: String, _ found: Any) -> PipelineError {
            PipelineError(.invalidArgument, "RatingStackConfiguration: field '\(field)': expected \(expected), got \(found)")
        }
        if members.count < 2 { throw fail("members", "at least two models", members.count) }
        if !(validationFraction > 0 && validationFraction < 1) {
            throw fail("validationFraction", "a number in (0, 1)", validationFraction)
        }
        if !(regularization >= 0 && regularization.isFinite) { throw fail("regularization", "a finite number ≥ 0", regularization) }
    }
}
