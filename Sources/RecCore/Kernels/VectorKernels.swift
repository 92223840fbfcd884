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

extension VectorKernels {
    /// One regularised stochastic-gradient step on a user vector `x` and an item vector `y` that together
    /// predicted a rating with residual `error` (actual − predicted):
    /// `x[k] += rate·(error·y[k] − λ·x[k])` and `y[k] += rate·(error·(x[k] + shift[k]) − λ·y[k])`,
    /// both right-hand sides using the values from before the step.
    ///
    /// `shift` is SVD++'s implicit-feedback term added to the user vector; `nil` means zero (plain
    /// biased MF). The update is written as `x·(1 − rate·λ) + rate·error·y` so it fuses into FMAs.
    /// - Precondition: `x`, `y` and `shift` do not overlap.
    /// - Complexity: O(count).
    @inlinable
    public static func sgdStep(_ x: UnsafeMutablePointer<Float>, _ y: UnsafeMutablePointer<Float>,
                               shift: UnsafePointer<Float>?, error: Float, learningRate: Float,
                               regularization: Float, count: Int) {
        let decay = 1 - learningRate * regularization
        let gain = learningRate * error
        let decay8 = SIMD8<Float>(repeating: decay), gain8 = SIMD8<Float>(repeating: gain)
        let rx = UnsafeMutableRawPointer(x), ry = UnsafeMutableRawPointer(y)
        var k = 0
        if let shift {
            let rs = UnsafeRawPointer(shift)
            while k + 8 <= count {
                let xo = rx.loadUnaligned(fromByteOffset: k * 4, as: SIMD8<Float>.self)
                let yo = ry.loadUnaligned(fromByteOffset: k * 4, as: SIMD8<Float>.self)
                let so = rs.loadUnaligned(fromByteOffset: k * 4, as: SIMD8<Float>.self)
                rx.storeBytes(of: xo * decay8 + gain8 * yo, toByteOffset: k * 4, as: SIMD8<Float>.self)
                ry.storeBytes(of: yo * decay8 + gain8 * (xo + so), toByteOffset: k * 4, as: SIMD8<Float>.self)
                k += 8
            }
            while k < count {
                let xo = x[k], yo = y[k]
                x[k] = xo * decay + gain * yo
                y[k] = yo * decay + gain * (xo + shift[k])
                k += 1
            }
        } else {
            while k + 8 <= count {
                let xo = rx.loadUnaligned(fromByteOffset: k * 4, as: SIMD8<Float>.self)
                let yo = ry.loadUnaligned(fromByteOffset: k * 4, as: SIMD8<Float>.self)
                rx.storeBytes(of: xo * decay8 + gain8 * yo, toByteOffset: k * 4, as: SIMD8<Float>.self)
                ry.storeBytes(of: yo * decay8 + gain8 * xo, toByteOffset: k * 4, as: SIMD8<Float>.self)
                k += 8
            }
            while k < count {
                let xo = x[k], yo = y[k]
                x[k] = xo * decay + gain * yo
                y[k] = yo * decay + gain * xo
                k += 1
            }
        }
    }
}

extension VectorKernels {
    /// One biased-MF SGD step on a user row `x` and an item row `y` whose length is a multiple of 8 (callers pad
    /// rows with zeros, which the step keeps at zero): computes `error = residual − x·y`, then
    /// `x[k] += rate·(error·y[k] − λ·x[k])` and `y[k] += rate·(error·x[k] − λ·y[k])` from the values before
    /// the step, and returns `error`.
    ///
    /// `residual` is the rating minus the bias terms. Unlike ``dot(_:_:count:)`` followed by
    /// ``sgdStep(_:_:shift:error:learningRate:regularization:count:)`` this fuses multiply-adds (``SIMD8/multiplyAdd(_:_:)``) where the build allows,
    /// keeps four dot accumulators and has no tail loop, so its rounding differs from theirs in the last bits.
    /// - Precondition: `count` is a multiple of 8; `x` and `y` do not overlap.
    /// - Complexity: O(count).
    @inlinable @inline(__always)
    public static func paddedSGDStep(_ x: UnsafeMutablePointer<Float>, _ y: UnsafeMutablePointer<Float>,
                                     residual: Float, learningRate: Float, regularization: Float,
                                     count: Int) -> Float {
        precondition(count % 8 == 0, "paddedSGDStep needs rows padded to a multiple of 8")
        let rx = UnsafeMutableRawPointer(x), ry = UnsafeMutableRawPointer(y)
        let end = count &* 4
        var acc0 = SIMD8<Float>(), acc1 = SIMD8<Float>(), acc2 = SIMD8<Float>(), acc3 = SIMD8<Float>()
        var offset = 0
        while offset &+ 128 <= end {
            acc0 = acc0.multiplyAdd(rx.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self),
                                    ry.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self))
            acc1 = acc1.multiplyAdd(rx.loadUnaligned(fromByteOffset: offset &+ 32, as: SIMD8<Float>.self),
                                    ry.loadUnaligned(fromByteOffset: offset &+ 32, as: SIMD8<Float>.self))
            acc2 = acc2.multiplyAdd(rx.loadUnaligned(fromByteOffset: offset &+ 64, as: SIMD8<Float>.self),
                                    ry.loadUnaligned(fromByteOffset: offset &+ 64, as: SIMD8<Float>.self))
            acc3 = acc3.multiplyAdd(rx.loadUnaligned(fromByteOffset: offset &+ 96, as: SIMD8<Float>.self),
                                    ry.loadUnaligned(fromByteOffset: offset &+ 96, as: SIMD8<Float>.self))
            offset &+= 128
        }
        while offset < end {
            acc0 = acc0.multiplyAdd(rx.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self),
                                    ry.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self))
            offset &+= 32
        }
        let acc = (acc0 + acc1) + (acc2 + acc3)
        let half = acc.lowHalf + acc.highHalf, quarter = half.lowHalf + half.highHalf
        let error = residual - (quarter[0] + quarter[1])
        let decay8 = SIMD8<Float>(repeating: 1 - learningRate * regularization)
        let gain8 = SIMD8<Float>(repeating: learningRate * error)
        offset = 0
        while offset &+ 64 <= end {
            let xo0 = rx.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
            let yo0 = ry.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
            let xo1 = rx.loadUnaligned(fromByteOffset: offset &+ 32, as: SIMD8<Float>.self)
            let yo1 = ry.loadUnaligned(fromByteOffset: offset &+ 32, as: SIMD8<Float>.self)
            rx.storeBytes(of: (xo0 * decay8).multiplyAdd(gain8, yo0), toByteOffset: offset, as: SIMD8<Float>.self)
            ry.storeBytes(of: (yo0 * decay8).multiplyAdd(gain8, xo0), toByteOffset: offset, as: SIMD8<Float>.self)
            rx.storeBytes(of: (xo1 * decay8).multiplyAdd(gain8, yo1), toByteOffset: offset &+ 32, as: SIMD8<Float>.self)
            ry.storeBytes(of: (yo1 * decay8).multiplyAdd(gain8, xo1), toByteOffset: offset &+ 32, as: SIMD8<Float>.self)
            offset &+= 64
        }
        if offset < end {
            let xo = rx.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
            let yo = ry.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
            rx.storeBytes(of: (xo * decay8).multiplyAdd(gain8, yo), toByteOffset: offset, as: SIMD8<Float>.self)
            ry.storeBytes(of: (yo * decay8).multiplyAdd(gain8, xo), toByteOffset: offset, as: SIMD8<Float>.self)
        }
        return error
    }
}
