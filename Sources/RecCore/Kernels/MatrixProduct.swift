/// The dense matrix–matrix update C −= A·B over row-major blocks of larger matrices: the one inner loop of the
/// blocked Cholesky factorisation and of the inverse built from it (``Cholesky/invert(_:dimension:tasks:)``).
public enum MatrixProduct {
    /// Columns of C per cache tile: with ``depthTile`` rows of B, a tile is 128 KiB and stays in L2.
    @usableFromInline static let columnTile = 128
    /// Terms of the sum per pass over a tile.
    @usableFromInline static let depthTile = 256

    /// C[i][j] −= Σ_k A[i][k]·B[k][j] for i < `rows`, j < `columns`, k < `depth`, where X[r][c] is
    /// `x[r·stride + c]` for each matrix's own row stride.
    ///
    /// Every entry of C subtracts its terms one at a time in increasing k, whichever path computes it, so the
    /// result is bit-for-bit the same however callers split C into pieces. Six rows by sixteen columns are
    /// kept in twelve `SIMD8<Float>` accumulators (of AVX2's sixteen registers; one row at a time for the
    /// last rows) while k runs over a 256-deep tile; tiles of 128 columns of
    /// B are reused by every row. One ``SIMD8/multiplyAdd(_:_:)`` per term: fused where the build allows.
    /// - Precondition: C overlaps neither A nor B.
    /// - Complexity: O(rows × columns × depth), no allocation.
    @inlinable
    public static func subtract(_ a: UnsafePointer<Float>, rowStride strideA: Int,
                                times b: UnsafePointer<Float>, rowStride strideB: Int,
                                from c: UnsafeMutablePointer<Float>, rowStride strideC: Int,
                                rows: Int, columns: Int, depth: Int) {
        var j0 = 0
        while j0 < columns {
            let j1 = min(columns, j0 + columnTile)
            var k0 = 0
            while k0 < depth {
                let k1 = min(depth, k0 + depthTile)
                var i = 0
                while i < rows {
                    let height = min(6, rows - i)
                    let rowA = a + i * strideA + k0, rowC = c + i * strideC
                    var j = j0
                    while j + 16 <= j1 {
                        if height == 6 {
                            block6x16(rowA, strideA, b + k0 * strideB + j, strideB, rowC + j, strideC, depth: k1 - k0)
                        } else {
                            for r in 0..<height {
                                block1x16(rowA + r * strideA, b + k0 * strideB + j, strideB, rowC + r * strideC + j,
                                          depth: k1 - k0)
                            }
                        }
                        j += 16
                    }
                    while j < j1 {
                        for r in 0..<height {
                            var sum = rowC[r * strideC + j]
                            for k in 0..<(k1 - k0) { sum -= rowA[r * strideA + k] * b[(k0 + k) * strideB + j] }
                            rowC[r * strideC + j] = sum
                        }
                        j += 1
                    }
                    i += height
                }
                k0 = k1
            }
            j0 = j1
        }
    }

    /// The 6 × 16 register block of ``subtract(_:rowStride:times:rowStride:from:rowStride:rows:columns:depth:)``:
    /// twelve multiply-adds per two loads of B and six broadcasts of A.
    @inlinable @inline(__always)
    static func block6x16(_ a: UnsafePointer<Float>, _ strideA: Int, _ b: UnsafePointer<Float>, _ strideB: Int,
                          _ c: UnsafeMutablePointer<Float>, _ strideC: Int, depth: Int) {
        let rc = UnsafeMutableRawPointer(c)
        let s0 = strideC * 4, s1 = strideC * 8, s2 = strideC * 12, s3 = strideC * 16, s4 = strideC * 20
        var c00 = rc.loadUnaligned(as: SIMD8<Float>.self), c01 = rc.loadUnaligned(fromByteOffset: 32, as: SIMD8<Float>.self)
        var c10 = rc.loadUnaligned(fromByteOffset: s0, as: SIMD8<Float>.self)
        var c11 = rc.loadUnaligned(fromByteOffset: s0 + 32, as: SIMD8<Float>.self)
        var c20 = rc.loadUnaligned(fromByteOffset: s1, as: SIMD8<Float>.self)
        var c21 = rc.loadUnaligned(fromByteOffset: s1 + 32, as: SIMD8<Float>.self)
        var c30 = rc.loadUnaligned(fromByteOffset: s2, as: SIMD8<Float>.self)
        var c31 = rc.loadUnaligned(fromByteOffset: s2 + 32, as: SIMD8<Float>.self)
        var c40 = rc.loadUnaligned(fromByteOffset: s3, as: SIMD8<Float>.self)
        var c41 = rc.loadUnaligned(fromByteOffset: s3 + 32, as: SIMD8<Float>.self)
        var c50 = rc.loadUnaligned(fromByteOffset: s4, as: SIMD8<Float>.self)
        var c51 = rc.loadUnaligned(fromByteOffset: s4 + 32, as: SIMD8<Float>.self)
        let a1 = a + strideA, a2 = a + 2 * strideA, a3 = a + 3 * strideA, a4 = a + 4 * strideA, a5 = a + 5 * strideA
        var pb = UnsafeRawPointer(b)
        let step = strideB &* 4
        for k in 0..<depth {
            let b0 = pb.loadUnaligned(as: SIMD8<Float>.self)
            let b1 = pb.loadUnaligned(fromByteOffset: 32, as: SIMD8<Float>.self)
            pb += step
            // Negated broadcasts turn C −= a·b into C + (−a)·b, one multiply-add per lane (exact negation).
            var x = SIMD8<Float>(repeating: -a[k])
            c00 = c00.multiplyAdd(x, b0); c01 = c01.multiplyAdd(x, b1)
            x = SIMD8<Float>(repeating: -a1[k])
            c10 = c10.multiplyAdd(x, b0); c11 = c11.multiplyAdd(x, b1)
            x = SIMD8<Float>(repeating: -a2[k])
            c20 = c20.multiplyAdd(x, b0); c21 = c21.multiplyAdd(x, b1)
            x = SIMD8<Float>(repeating: -a3[k])
            c30 = c30.multiplyAdd(x, b0); c31 = c31.multiplyAdd(x, b1)
            x = SIMD8<Float>(repeating: -a4[k])
            c40 = c40.multiplyAdd(x, b0); c41 = c41.multiplyAdd(x, b1)
            x = SIMD8<Float>(repeating: -a5[k])
            c50 = c50.multiplyAdd(x, b0); c51 = c51.multiplyAdd(x, b1)
        }
        rc.storeBytes(of: c00, as: SIMD8<Float>.self); rc.storeBytes(of: c01, toByteOffset: 32, as: SIMD8<Float>.self)
        rc.storeBytes(of: c10, toByteOffset: s0, as: SIMD8<Float>.self)
        rc.storeBytes(of: c11, toByteOffset: s0 + 32, as: SIMD8<Float>.self)
        rc.storeBytes(of: c20, toByteOffset: s1, as: SIMD8<Float>.self)
        rc.storeBytes(of: c21, toByteOffset: s1 + 32, as: SIMD8<Float>.self)
        rc.storeBytes(of: c30, toByteOffset: s2, as: SIMD8<Float>.self)
        rc.storeBytes(of: c31, toByteOffset: s2 + 32, as: SIMD8<Float>.self)
        rc.storeBytes(of: c40, toByteOffset: s3, as: SIMD8<Float>.self)
        rc.storeBytes(of: c41, toByteOffset: s3 + 32, as: SIMD8<Float>.self)
        rc.storeBytes(of: c50, toByteOffset: s4, as: SIMD8<Float>.self)
        rc.storeBytes(of: c51, toByteOffset: s4 + 32, as: SIMD8<Float>.self)
    }

    /// One row of sixteen columns, for the last rows when fewer than six remain.
    @inlinable @inline(__always)
    static func block1x16(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ strideB: Int,
                          _ c: UnsafeMutablePointer<Float>, depth: Int) {
        let rc = UnsafeMutableRawPointer(c), rb = UnsafeRawPointer(b)
        var c0 = rc.loadUnaligned(as: SIMD8<Float>.self), c1 = rc.loadUnaligned(fromByteOffset: 32, as: SIMD8<Float>.self)
        for k in 0..<depth {
            let x = SIMD8<Float>(repeating: -a[k])
            c0 = c0.multiplyAdd(x, rb.loadUnaligned(fromByteOffset: k * strideB * 4, as: SIMD8<Float>.self))
            c1 = c1.multiplyAdd(x, rb.loadUnaligned(fromByteOffset: k * strideB * 4 + 32, as: SIMD8<Float>.self))
        }
        rc.storeBytes(of: c0, as: SIMD8<Float>.self)
        rc.storeBytes(of: c1, toByteOffset: 32, as: SIMD8<Float>.self)
    }
}
