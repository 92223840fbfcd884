/// Options for the cosine neighbourhood models ``ItemKNN`` (neighbours are items) and ``UserKNN``
/// (neighbours are users). Defaults equal implicit's `CosineRecommender` (K = 20, no shrinkage).
public struct CosineNeighborhoodConfiguration: Sendable, Codable, Equatable {
    /// Neighbours kept per item (per user for ``UserKNN``), the item or user itself included, as implicit
    /// counts it; k ≥ 1.
    public var neighbors: Int
    /// λ ≥ 0 in sim(a, b) = a·b / (‖a‖‖b‖ + λ), in units of squared interaction value; damps similarities
    /// resting on few common users (items). 0 is implicit's plain cosine.
    public var shrinkage: Float

    /// Creates a configuration; the defaults are implicit `CosineRecommender`'s.
    public init(neighbors: Int = 20, shrinkage: Float = 0) {
        self.neighbors = neighbors
        self.shrinkage = shrinkage
    }

    /// Checks every value is in range.
    /// - Parameter model: the model's name for the message, e.g. `"ItemKNN"`.
    /// - Throws: `AlgorithmError` `.invalidConfiguration` naming the field, what was expected and found.
    public func validate(for model: String) throws {
        let name = "\(model) configuration"
        if neighbors < 1 {
            throw AlgorithmError.invalidConfiguration(name, field: "neighbors", expected: "an integer ≥ 1", found: "\(neighbors)")
        }
        if !(shrinkage >= 0 && shrinkage.isFinite) {
            throw AlgorithmError.invalidConfiguration(name, field: "shrinkage", expected: "a finite number ≥ 0", found: "\(shrinkage)")
        }
    }
}

/// Options for ``ItemKNN``.
public typealias ItemKNNConfiguration = CosineNeighborhoodConfiguration

/// Options for ``UserKNN``.
public typealias UserKNNConfiguration = CosineNeighborhoodConfiguration
