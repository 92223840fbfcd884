/// The bias terms shared by the baseline, matrix-factorisation and neighbourhood models:
/// b_ui = μ + b_u + b_i (Koren 2010, "Factor in the neighbors", eq. 1).
public struct BaselineBiases: Sendable, Codable, Equatable {
    /// μ: mean of the training ratings.
    public let globalMean: Float
    /// b_u by dense user index.
    public let userBiases: [Float]
    /// b_i by dense item index.
    public let itemBiases: [Float]

    /// Creates bias terms; the arrays are indexed like the training matrix's users and items.
    public init(globalMean: Float, userBiases: [Float], itemBiases: [Float]) {
        self.globalMean = globalMean
        self.userBiases = userBiases
        self.itemBiases = itemBiases
    }

    /// μ + b_u + b_i, where an index that is `nil` (unknown to training) contributes no bias.
    /// - Complexity: O(1).
    @inlinable
    public func estimate(user: Int?, item: Int?) -> Float {
        var value = globalMean
        if let user { value += userBiases[user] }
        if let item { value += itemBiases[item] }
        return value
    }
}
