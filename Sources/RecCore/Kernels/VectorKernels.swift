/// Dense Float kernels shared by every algorithm: the only place numeric inner loops are written.
///
/// Each kernel works on raw pointers so callers can run it over slices of a large row-major buffer
/// without copying. Loops use `SIMD8<Float>` with several accumulators so they vectorise whatever
/// the target CPU (AVX2 with `-target-cpu x86-64-v3`, two SSE lanes otherwise); they never allocate.
public enum VectorKernels {
    /// Σ x[k]·y[k] for k in 0..<count.
    /// - Complexity: O(count).
    @inlinable
    public static func dot(_ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>, count: Int) -> Float {
        var k = 0
        var acc0 = SIMD8<Float>(), acc1 = SIMD8<Float>()
        let rx = UnsafeRawPointer(x), ry = UnsafeRawPointer(y)
        while k + 16 <= count {
            acc0 += rx.loadUnaligned(fromByteOffset: k * 4, as: SIMD8<Float>.self)
                * ry.loadUnaligned(fromByteOffset: k * 4, as: SIMD8<Float>.self)
            acc1 += rx.loadUnaligned(fromByteOffset: (k + 8) * 4, as: SIMD8<Float>.self)
                * ry.loadUnaligned(fromByteOffset: (k + 8) * 4, as: SIMD8<Float>.self)
            k += 16
        }
        if k + 8 <= count {
            acc0 += rx.loadUnaligned(fromByteOffset: k * 4, as: SIMD8<Float>.self)
                * ry.loadUnaligned(fromByteOffset: k * 4, as: SIMD8<Float>.self)
            k += 8
        }
        var sum = (acc0 + acc1).sum()
        while k < count {
            sum += x[k] * y[k]
            k += 1
        }
        return sum
    }

    /// y[k] += a·x[k] for k in 0..<count.
    /// - Complexity: O(count).
    @inlinable
    public static func axpy(_ a: Float, _ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, count: Int) {
        for k in 0..<count { y[k] += a * x[k] }
    }

    /// x[k] *= a for k in 0..<count.
    /// - Complexity: O(count).
    @inlinable
    public static func scale(_ x: UnsafeMutablePointer<Float>, by a: Float, count: Int) {
        for k in 0..<count { x[k] *= a }
    }
}
