import RecAlgorithms
import RecCore
import RecEvaluation

/// Options of `marquee bench --task topn`: which synthetic data set, how many iterations per fit and how
/// many fits per setting. The model hyperparameters are fixed to those of `scripts/reference/implicit_speed.py`
/// so both sides do the same work.
public struct TopNBenchmarkingConfiguration: Sendable, Codable, Equatable {
    /// The synthetic data sets the benchmark knows.
    public enum Size: String, Sendable, Codable, CaseIterable {
        /// 20,000 interactions over 1,000 users × 500 items: finishes in seconds, for tests.
        case tiny
        /// 1,000,000 interactions over 6,040 users × 3,706 items (MovieLens 1M's shape).
        case oneMillion = "1m"
        /// 10,000,000 interactions over 70,000 users × 10,000 items.
        case tenMillion = "10m"

        /// The seeded generator of this size: Zipf-like item popularity (exponent 1) and 16-factor low-rank
        /// taste, the ``SyntheticInteractions`` defaults apart from the counts.
        public func generator(seed: UInt64 = 0) -> SyntheticInteractions {
            switch self {
            case .tiny: SyntheticInteractions(users: 1_000, items: 500, interactions: 20_000, seed: seed)
            case .oneMillion: SyntheticInteractions(seed: seed)
            case .tenMillion: SyntheticInteractions(users: 70_000, items: 10_000, interactions: 10_000_000, seed: seed)
            }
        }
    }

    /// The models timed; each runs in its own child process on each side so its peak RSS is its own.
    public enum Model: String, Sendable, Codable, CaseIterable {
        /// Implicit ALS with conjugate gradient, against implicit's `AlternatingLeastSquares(use_cg=True)`.
        case als
        /// BPR, against implicit's `BayesianPersonalizedRanking`.
        case bpr
    }

    /// The thread settings timed on both sides: implicit's `num_threads`, Marquee's ALS `threads` and BPR
    /// `strata`. Fixed because the peer script times exactly these.
    public static let threadSettings = [1, 2]

    /// The data set.
    public var size: Size
    /// ALS iterations, or BPR epochs, per fit; times are reported per iteration (fit seconds ÷ this).
    public var iterations: Int
    /// Fits per model and thread setting; the median is reported.
    public var repeats: Int
    /// Seed of the synthetic data (the models use seed 0, as the peer's `random_state=0`).
    public var seed: UInt64

    /// Creates a configuration.
    public init(size: Size = .oneMillion, iterations: Int = 5, repeats: Int = 3, seed: UInt64 = 0) {
        self.size = size
        self.iterations = iterations
        self.repeats = repeats
        self.seed = seed
    }

    /// Checks every value is in range.
    /// - Throws: ``PipelineError`` `.invalidArgument` naming the field, what was expected and what was found.
    public func validate() throws {
        if iterations < 1 { throw PipelineError(.invalidArgument, "iterations is \(iterations); expected an integer ≥ 1") }
        if repeats < 1 { throw PipelineError(.invalidArgument, "repeats is \(repeats); expected an integer ≥ 1") }
    }

    /// Marquee's ALS as the peer fits it: 64 factors, regularization 0.01, confidence α·r with α = 1,
    /// three conjugate-gradient steps, seed 0.
    public func als(threads: Int) -> ImplicitALSConfiguration {
        ImplicitALSConfiguration(factors: 64, regularization: 0.01, confidence: .scaled(alpha: 1), iterations: iterations,
                                 solver: .conjugateGradient(steps: 3), seed: 0, threads: threads)
    }

    /// Marquee's BPR as the peer fits it: 64 factors, learning rate 0.01, regularization 0.01, seed 0, and one
    /// negative draw per triple (implicit's `verify_negative_samples=True` draws once and skips on a hit).
    /// `strata` 1 trains sequentially, 2 in parallel blocks.
    public func bpr(strata: Int) -> BPRConfiguration {
        BPRConfiguration(factors: 64, epochs: iterations, learningRate: 0.01, regularization: 0.01,
                         negativeSampleAttempts: 1, strata: strata, seed: 0)
    }
}
