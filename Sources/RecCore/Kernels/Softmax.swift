/// The softmax e^(xᵢ − max x) / Σⱼ e^(xⱼ − max x), in place, eight lanes at a time (``SIMD8/exponential()``).
public enum Softmax {
    /// Replaces the `count` values with their softmax; subtracting the largest first keeps every exponent ≤ 0.
    /// - Precondition: `count` > 0 and no value is NaN.
    /// - Complexity: O(count), no allocation.
    @inlinable
    public static func apply(_ values: UnsafeMutablePointer<Float>, count: Int) {
        let raw = UnsafeMutableRawPointer(values)
        var largest = -Float.infinity
        for k in 0..<count { largest = max(largest, values[k]) }
        let shift = SIMD8(repeating: largest)
        var sums = SIMD8<Float>()
        var k = 0
        while k + 8 <= count {
            let e = (raw.loadUnaligned(fromByteOffset: k * 4, as: SIMD8<Float>.self) - shift).exponential()
            raw.storeBytes(of: e, toByteOffset: k * 4, as: SIMD8<Float>.self)
            sums += e
            k += 8
        }
        var total = sums.sum()
        while k < count {
            let e = SIMD8(repeating: values[k] - largest).exponential()[0]
            values[k] = e
            total += e
            k += 1
        }
        let inverse = 1 / total
        for k in 0..<count { values[k] *= inverse }
    }
}
