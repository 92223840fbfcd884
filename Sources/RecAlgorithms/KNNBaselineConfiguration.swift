/// Options for ``KNNBaseline``. Defaults equal Surprise's `KNNBaseline` with the `pearson_baseline` similarity.
public struct KNNBaselineConfiguration: Sendable, Codable, Equatable {
    /// k: at most this many most-similar neighbours enter a prediction.
    public var neighbors: Int
    /// Below this many positively similar neighbours the prediction is the baseline alone.
    public var minimumNeighbors: Int
    /// Shrinkage λ of the Pearson-baseline similarity, in co-ratings: sim is scaled by (n − 1) / (n − 1 + λ)
    /// for n common raters, so thinly supported similarities count less.
    public var shrinkage: Float
    /// How the baseline b_ui, used for residuals and as the fallback, is fitted.
    public var baseline: BaselineConfiguration
    /// Whether neighbours are users who rated the item (`true`) or items the user rated (`false`, item-based).
    public var userBased: Bool

    /// Creates a configuration; every default is Surprise's.
    public init(neighbors: Int = 40, minimumNeighbors: Int = 1, shrinkage: Float = 100,
                baseline: BaselineConfiguration = .init(), userBased: Bool = false) {
        self.neighbors = neighbors
        self.minimumNeighbors = minimumNeighbors
        self.shrinkage = shrinkage
        self.baseline = baseline
        self.userBased = userBased
    }

    /// Checks every value is in range, including the baseline's.
    /// - Throws: `AlgorithmError` with code `.invalidConfiguration` naming the field, what was expected and found.
    public func validate() throws {
        func fail(_ field: String, _ expected: String, _ found: Any) -> AlgorithmError {
            AlgorithmError.invalidConfiguration("KNNBaselineConfiguration", field: field, expected: expected, found: "\(found)")
        }
        if neighbors < 1 { throw fail("neighbors", "an integer ≥ 1", neighbors) }
        if minimumNeighbors < 0 { throw fail("minimumNeighbors", "an integer ≥ 0", minimumNeighbors) }
        if !(shrinkage >= 0) { throw fail("shrinkage", "a number ≥ 0", shrinkage) }
        try baseline.validate()
    }
}
