/// Options for ``UserKNN``. Defaults equal implicit's `CosineRecommender` (K = 20, no shrinkage), mirrored to users.
public struct UserKNNConfiguration: Sendable, Codable, Equatable {
    /// Neighbours kept per user, the user itself included (as implicit's item-item model counts the item), k ≥ 1.
    public var neighbors: Int
    /// λ ≥ 0 in sim(a, b) = a·b / (‖a‖‖b‖ + λ), in units of squared interaction value; damps similarities
    /// resting on few common items. 0 is implicit's plain cosine.
    public var shrinkage: Float

    /// Creates a configuration; the defaults mirror implicit `CosineRecommender`'s.
    public init(neighbors: Int = 20, shrinkage: Float = 0) {
        self.neighbors = neighbors
        self.shrinkage = shrinkage
    }

    /// Checks every value is in range.
    /// - Throws: `AlgorithmError` `.invalidConfiguration` naming the field, what was expected and found.
    public func validate() throws {
        if neighbors < 1 {
            throw AlgorithmError.invalidConfiguration("UserKNNConfiguration", field: "neighbors", expected: "an integer ≥ 1",
                                                      found: "\(neighbors)")
        }
        if !(shrinkage >= 0 && shrinkage.isFinite) {
            throw AlgorithmError.invalidConfiguration("UserKNNConfiguration", field: "shrinkage",
                                                      expected: "a finite number ≥ 0", found: "\(shrinkage)")
        }
    }
}
