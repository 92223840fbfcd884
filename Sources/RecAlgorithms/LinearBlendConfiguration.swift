/// Options of ``LinearBlend``.
public struct LinearBlendConfiguration: Sendable, Codable, Equatable {
    /// Weight of the first model's scaled scores, in [0, 1]; the second gets 1 − weight.
    public var weight: Float
    /// Items taken from each model before blending (at least the requested count is always taken); ≥ 1.
    public var depth: Int

    /// Creates a configuration: equal weights over each model's top 100 by default.
    public init(weight: Float = 0.5, depth: Int = 100) {
        self.weight = weight
        self.depth = depth
    }

    /// Checks every value is in range.
    /// - Throws: `AlgorithmError` `.invalidConfiguration` naming the field, what was expected and found.
    public func validate() throws {
        guard weight >= 0 && weight <= 1 else {
            throw AlgorithmError.invalidConfiguration("LinearBlend configuration", field: "weight", expected: "a number in 0...1",
                                                      found: "\(weight)")
        }
        guard depth >= 1 else {
            throw AlgorithmError.invalidConfiguration("LinearBlend configuration", field: "depth", expected: "an integer ≥ 1",
                                                      found: "\(depth)")
        }
    }
}
