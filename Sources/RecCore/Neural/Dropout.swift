/// Inverted dropout (Srivastava et al. 2014): while training, each value is zeroed with probability ``rate`` and
/// the survivors are scaled by 1/(1 − rate), so inference is the identity and needs no rescaling.
public struct Dropout: Sendable, Codable, Equatable {
    /// Probability of zeroing a value, in [0, 1).
    public let rate: Float

    /// A dropout step with drop probability `rate`.
    /// - Precondition: 0 ≤ `rate` < 1; configurations validate it first.
    public init(rate: Float) {
        precondition(rate >= 0 && rate < 1, "dropout rate must be in [0, 1)")
        self.rate = rate
    }

    /// Draws a mask from `generator` (0 or 1/(1 − rate) per value), writes it to `mask` and multiplies `values`
    /// by it. With rate 0 the mask is all ones and no random numbers are drawn.
    /// - Complexity: O(count), no allocation.
    @inlinable
    public func forward(_ values: UnsafeMutablePointer<Float>, mask: UnsafeMutablePointer<Float>, count: Int,
                        generator: inout SplitMix64) {
        guard rate > 0 else {
            mask.update(repeating: 1, count: count)
            return
        }
        let keep = 1 / (1 - rate)
        for k in 0..<count {
            let dropped = Float(generator.next() >> 40) * 0x1p-24 < rate
            mask[k] = dropped ? 0 : keep
            values[k] *= mask[k]
        }
    }

    /// Multiplies the gradients by the mask the forward pass drew: ∂L/∂x = mask ⊙ ∂L/∂y.
    /// - Complexity: O(count), no allocation.
    @inlinable
    public func backward(mask: UnsafePointer<Float>, gradients: UnsafeMutablePointer<Float>, count: Int) {
        for k in 0..<count { gradients[k] *= mask[k] }
    }
}
