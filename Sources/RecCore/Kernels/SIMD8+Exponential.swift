extension SIMD8 where Scalar == Float {
    /// e^x lane by lane, within a few units in the last place of Foundation's `exp` for x in [−87, 88]
    /// (`ExponentialTests`); below −87 it returns e^−87 (≈ 1.6·10⁻³⁸, nothing beside a softmax's largest term of 1),
    /// above 88 e^88.
    ///
    /// Range reduction x = n·ln 2 + r with |r| ≤ ln 2 / 2 (ln 2 split in two parts so r stays exact), Cephes'
    /// degree-6 polynomial for e^r (`expf`, S. L. Moshier) and 2ⁿ built in the exponent bits: eight lanes at a time,
    /// no branch. The softmax of the MiniLM encoder's attention called libm's `expf` once per score.
    @inlinable
    public func exponential() -> SIMD8<Float> {
        let x = pointwiseMin(pointwiseMax(self, SIMD8(repeating: -87)), SIMD8(repeating: 88))
        let n = (x * 1.442_695_040_888_963_4).rounded(.toNearestOrEven)
        let r = x.multiplyAdd(n, SIMD8(repeating: -0.693_359_375)).multiplyAdd(n, SIMD8(repeating: 2.121_944_400e-4))
        var p = SIMD8<Float>(repeating: 1.987_569_150_0e-4)
        p = SIMD8(repeating: 1.398_199_950_7e-3).multiplyAdd(p, r)
        p = SIMD8(repeating: 8.333_451_907_3e-3).multiplyAdd(p, r)
        p = SIMD8(repeating: 4.166_579_589_4e-2).multiplyAdd(p, r)
        p = SIMD8(repeating: 1.666_666_545_9e-1).multiplyAdd(p, r)
        p = SIMD8(repeating: 5.000_000_120_1e-1).multiplyAdd(p, r)
        // n + 127 is a whole number in 1…254; added to 2²³ its Float bit pattern is 0x4B000000 + n + 127 (the generic
        // Float-to-Int32 SIMD conversion converts lane by lane and cost more than the rest of the function).
        let biased = unsafeBitCast(n + (127 + 8_388_608), to: SIMD8<Int32>.self) &- 0x4B00_0000
        return (r + 1).multiplyAdd(p, r * r) * unsafeBitCast(biased &<< 23, to: SIMD8<Float>.self)
    }
}
