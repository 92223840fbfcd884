/// Options for ``ItemKNN``. Defaults equal implicit's `CosineRecommender` (K = 20, no shrinkage).
public struct ItemKNNConfiguration: Sendable, Codable, Equatable {
    /// Neighbours kept per item, the item itself included (implicit counts it too), k ≥ 1.
    public var neighbors: Int
    /// λ ≥ 0 in sim(a, b) = a·b / (‖a‖‖b‖ + λ), in units of squared interaction value; damps similarities
    /// resting on few common users. 0 is implicit's plain cosine.
    public var shrinkage: Float

    /// Creates a configuration; the defaults are implicit `CosineRecommender`'s.
    public init(neighbors: Int = 20, shrinkage: Float = 0) {
        self.neighbors = neighbors
        self.shrinkage = shrinkage
    }

    /// Checks every value is in range.
    /// - Throws: `AlgorithmError` `.invalidConfiguration` naming the field, what was expected and found.
    public func validate() throws {
        if neighbors < 1 {
            throw AlgorithmError.invalidConfiguration("ItemKNNConfiguration", field: "neighbors", expected: "an integer ≥ 1",
                                                      found: "\(neighbors)")
        }
        if !(shrinkage >= 0 && shrinkage.isFinite) {
            throw AlgorithmError.invalidConfiguration("ItemKNNConfiguration", field: "shrinkage",
                                                      expected: "a finite number ≥ 0", found: "\(shrinkage)")
        }
    }
}
