/// Options for ``ImplicitALS``. The defaults are those of implicit 0.7's `AlternatingLeastSquares`
/// (factors 100, regularization 0.01, alpha 1 applied as c = α·r, 15 iterations, 3 conjugate-gradient steps),
/// so results and timings compare like for like.
public struct ImplicitALSConfiguration: Sendable, Codable, Equatable {
    /// How each row's normal equations (YᵀC_uY + λI)·x_u = YᵀC_u·p_u are solved.
    public enum Solver: Sendable, Codable, Equatable {
        /// `steps` conjugate-gradient iterations warm-started from the row's current vector (Takács, Pilászy &
        /// Tikk 2011), as implicit's `least_squares_cg`: O(steps × (factors² + observed × factors)) per row.
        case conjugateGradient(steps: Int)
        /// The exact solve by Cholesky factorisation, as implicit's `least_squares` (`use_cg=False`):
        /// O(observed × factors² + factors³) per row.
        case cholesky
    }

    /// How an interaction value r becomes the confidence c of an observed entry. In both cases the preference
    /// p is 1 when r > 0 and 0 otherwise (a negative value marks a dislike with confidence from |r|);
    /// unobserved entries have p = 0, c = 1.
    public enum ConfidenceWeighting: Sendable, Codable, Equatable {
        /// c = α·|r|: implicit 0.7, whose `fit` multiplies the user×item matrix it is given by `alpha`. With
        /// α = 1 and 0/1 data an observed entry weighs as much as an unobserved one.
        case scaled(alpha: Float)
        /// c = 1 + α·|r|: Hu, Koren & Volinsky's equation (6); the paper uses α = 40.
        case linear(alpha: Float)
    }

    /// Latent dimensions k per user and item.
    public var factors: Int
    /// λ, the L2 weight on every user and item vector (not scaled by counts), in squared-preference units.
    public var regularization: Float
    /// How interaction values become confidences.
    public var confidence: ConfidenceWeighting
    /// Alternating passes; each solves every user, then every item.
    public var iterations: Int
    /// The per-row solver.
    public var solver: Solver
    /// Seed of the initial factors, drawn uniformly from [0, 0.01) as implicit does.
    public var seed: UInt64
    /// Chunks of rows solved at once (use the number of cores). Each row's solve depends only on the other
    /// side's factors, so the trained model is bitwise the same for every value.
    public var threads: Int

    /// Creates a configuration; every default but `threads` and `seed` is implicit 0.7's.
    public init(factors: Int = 100, regularization: Float = 0.01, confidence: ConfidenceWeighting = .scaled(alpha: 1),
                iterations: Int = 15, solver: Solver = .conjugateGradient(steps: 3), seed: UInt64 = 0,
                threads: Int = 2) {
        self.factors = factors
        self.regularization = regularization
        self.confidence = confidence
        self.iterations = iterations
        self.solver = solver
        self.seed = seed
        self.threads = threads
    }

    /// Checks every value is in range.
    /// - Throws: `AlgorithmError` `.invalidConfiguration` naming the field, what was expected and what was found.
    public func validate() throws {
        func fail(_ field: String, _ expected: String, _ found: Any) -> AlgorithmError {
            AlgorithmError.invalidConfiguration("ImplicitALSConfiguration", field: field, expected: expected, found: "\(found)")
        }
        if factors < 1 { throw fail("factors", "an integer ≥ 1", factors) }
        if !(regularization >= 0 && regularization.isFinite) { throw fail("regularization", "a finite number ≥ 0", regularization) }
        switch confidence {
        case let .scaled(alpha):
            if !(alpha > 0 && alpha.isFinite) { throw fail("confidence.scaled.alpha", "a finite number > 0", alpha) }
        case let .linear(alpha):
            if !(alpha >= 0 && alpha.isFinite) { throw fail("confidence.linear.alpha", "a finite number ≥ 0", alpha) }
        }
        if iterations < 0 { throw fail("iterations", "an integer ≥ 0", iterations) }
        if case let .conjugateGradient(steps) = solver, steps < 1 {
            throw fail("solver.conjugateGradient.steps", "an integer ≥ 1", steps)
        }
        if threads < 1 { throw fail("threads", "an integer ≥ 1", threads) }
    }
}

extension ImplicitALSConfiguration.ConfidenceWeighting {
    /// c for an observed entry of value `value`.
    func confidence(for value: Float) -> Float {
        switch self {
        case let .scaled(alpha): alpha * abs(value)
        case let .linear(alpha): 1 + alpha * abs(value)
        }
    }
}
