import RecCore

/// The dense symmetric positive-definite inverse EASE needs, P = (XᵀX + λI)⁻¹, by Cholesky factorisation in
/// Double. Kept beside EASE until the ALS branch's Cholesky kernel lands in `RecCore/Kernels`, which it should
/// then share.
extension EASE {
    /// Factors the lower triangle of the row-major `n × n` matrix `a` in place as L·Lᵀ (Cholesky–Banachiewicz,
    /// row by row; the strict upper triangle is left untouched and never read).
    /// - Returns: `nil` on success, else the first row whose pivot was not positive (the matrix is not positive
    ///   definite).
    /// - Complexity: O(n³/6) multiply-adds; no allocation.
    static func choleskyInPlace(_ a: UnsafeMutablePointer<Double>, n: Int) -> Int? {
        for i in 0..<n {
            let rowI = a + i * n
            for j in 0...i {
                let rowJ = a + j * n
                let sum = rowI[j] - dot(rowI, rowJ, count: j)
                if i == j {
                    guard sum > 0, sum.isFinite else { return i }
                    rowI[i] = sum.squareRoot()
                } else {
                    rowI[j] = sum / rowJ[j]
                }
            }
        }
        return nil
    }

    /// Columns `columns` of (L·Lᵀ)⁻¹ for the Cholesky factor `l` (lower triangle of a row-major `n × n` matrix),
    /// written as rows into `output`, column `columns.lowerBound` first (the inverse is symmetric), `width` columns at a time by forward then
    /// backward substitution.
    /// - Parameter scratch: `n × width` Doubles of working space.
    /// - Complexity: O(n² × columns) multiply-adds; no allocation.
    static func inverseRows(_ columns: Range<Int>, of l: UnsafePointer<Double>, n: Int, width: Int,
                            scratch y: UnsafeMutablePointer<Double>, into output: UnsafeMutablePointer<Float>) {
        var start = columns.lowerBound
        while start < columns.upperBound {
            let w = min(width, columns.upperBound - start)
            // Forward: L·Y = E, where E holds unit columns start..<start+w; rows above `start` stay zero.
            y.update(repeating: 0, count: n * width)
            for i in start..<n {
                let row = l + i * n
                let target = y + i * width
                if i < start + w { target[i - start] = 1 }
                for k in start..<i { axpy(-row[k], y + k * width, target, count: w) }
                let inverse = 1 / row[i]
                for t in 0..<w { target[t] *= inverse }
            }
            // Backward: Lᵀ·P = Y, column-oriented so each step reads one contiguous row of L.
            for i in stride(from: n - 1, through: 0, by: -1) {
                let row = l + i * n
                let pivot = y + i * width
                let inverse = 1 / row[i]
                for t in 0..<w { pivot[t] *= inverse }
                for k in 0..<i { axpy(-row[k], pivot, y + k * width, count: w) }
            }
            for t in 0..<w {
                let out = output + (start - columns.lowerBound + t) * n
                for i in 0..<n { out[i] = Float(y[i * width + t]) }
            }
            start += w
        }
    }

    /// Σ x[k]·y[k] over Doubles, four lanes and two accumulators.
    @inline(__always)
    private static func dot(_ x: UnsafePointer<Double>, _ y: UnsafePointer<Double>, count: Int) -> Double {
        var acc0 = SIMD4<Double>(), acc1 = SIMD4<Double>()
        let rx = UnsafeRawPointer(x), ry = UnsafeRawPointer(y)
        var k = 0
        while k + 8 <= count {
            acc0 += rx.loadUnaligned(fromByteOffset: k * 8, as: SIMD4<Double>.self)
                * ry.loadUnaligned(fromByteOffset: k * 8, as: SIMD4<Double>.self)
            acc1 += rx.loadUnaligned(fromByteOffset: (k + 4) * 8, as: SIMD4<Double>.self)
                * ry.loadUnaligned(fromByteOffset: (k + 4) * 8, as: SIMD4<Double>.self)
            k += 8
        }
        var sum = (acc0 + acc1).sum()
        while k < count {
            sum += x[k] * y[k]
            k += 1
        }
        return sum
    }

    /// y[t] += a·x[t] for t in 0..<count (count is the small batch width).
    @inline(__always)
    private static func axpy(_ a: Double, _ x: UnsafePointer<Double>, _ y: UnsafeMutablePointer<Double>, count: Int) {
        if count == 8 {
            let rx = UnsafeRawPointer(x), ry = UnsafeMutableRawPointer(y)
            let a4 = SIMD4<Double>(repeating: a)
            ry.storeBytes(of: ry.loadUnaligned(as: SIMD4<Double>.self) + a4 * rx.loadUnaligned(as: SIMD4<Double>.self),
                          as: SIMD4<Double>.self)
            ry.storeBytes(of: ry.loadUnaligned(fromByteOffset: 32, as: SIMD4<Double>.self)
                          + a4 * rx.loadUnaligned(fromByteOffset: 32, as: SIMD4<Double>.self),
                          toByteOffset: 32, as: SIMD4<Double>.self)
        } else {
            for t in 0..<count { y[t] += a * x[t] }
        }
    }
}
