import RecCore

/// Biases plus row-major user and item factor matrices: the trained state of ``BiasedMF`` and ``SVDPlusPlus``.
///
/// The prediction is r̂_ui = μ + b_u + b_i + q_i·p_u. For SVD++, `userFactors` already holds
/// p_u + |N(u)|^-½ Σ_{j∈N(u)} y_j, folded in once after training.
public struct LatentFactors: Sendable, Codable, Equatable {
    /// Number of latent dimensions k.
    public let factors: Int
    /// μ, b_u and b_i.
    public let biases: BaselineBiases
    /// users × k, row-major: user u's vector is `userFactors[u*k ..< (u+1)*k]`.
    public let userFactors: [Float]
    /// items × k, row-major.
    public let itemFactors: [Float]

    /// Creates trained state; the arrays must hold `factors` values per user and per item.
    public init(factors: Int, biases: BaselineBiases, userFactors: [Float], itemFactors: [Float]) {
        precondition(userFactors.count == biases.userBiases.count * factors
                     && itemFactors.count == biases.itemBiases.count * factors, "factor matrices do not match the biases")
        self.factors = factors
        self.biases = biases
        self.userFactors = userFactors
        self.itemFactors = itemFactors
    }

    /// μ + b_u + b_i + q_i·p_u when both are known, otherwise the bias terms that exist; not clipped.
    /// - Complexity: O(k).
    @inlinable
    public func estimate(user: Int?, item: Int?) -> Float {
        var value = biases.estimate(user: user, item: item)
        if let user, let item {
            value += userFactors.withUnsafeBufferPointer { users in
                itemFactors.withUnsafeBufferPointer { items in
                    VectorKernels.dot(users.baseAddress! + user * factors, items.baseAddress! + item * factors, count: factors)
                }
            }
        }
        return value
    }
}
