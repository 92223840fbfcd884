extension SIMD8 where Scalar == Float {
    /// `self + a·b`, lane by lane: one fused multiply-add instruction in release builds for x86-64-v3
    /// (Package.swift defines `MARQUEE_FMA` together with `-target-cpu haswell`), a multiply and an add
    /// everywhere else, so a portable build never calls the `fmaf` library routine (about 20× slower).
    /// Fused and unfused results can differ in the last bit; each build is deterministic on its own.
    @inlinable @inline(__always)
    public func multiplyAdd(_ a: SIMD8<Float>, _ b: SIMD8<Float>) -> SIMD8<Float> {
        #if MARQUEE_FMA
        return addingProduct(a, b)
        #else
        return self + a * b
        #endif
    }
}
