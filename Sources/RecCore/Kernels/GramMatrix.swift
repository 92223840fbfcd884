/// Gram matrices YᵀY and weighted sums Σ w·y yᵀ of factor rows: the normal-equation matrices of alternating
/// least squares.
///
/// Matrices are dense `dimension × dimension`, row-major. The weighted update touches only the lower
/// triangle (row a, columns 0...a) and may overwrite the upper triangle with partial sums, so its result is
/// meant for ``Cholesky/factor(_:dimension:)``, which reads only the lower triangle. Rows are processed four
/// at a time so each matrix row is loaded and stored once per four outer products; loops use `SIMD8<Float>`
/// and never allocate.
public enum GramMatrix {
    /// Overwrites `gram` with the full symmetric YᵀY of the `rowCount × dimension` row-major matrix `rows`.
    /// - Complexity: O(rowCount × dimension²) time (half of it multiply-adds), no allocation.
    @inlinable
    public static func compute(_ rows: UnsafePointer<Float>, rowCount: Int, dimension: Int,
                               into gram: UnsafeMutablePointer<Float>) {
        gram.update(repeating: 0, count: dimension * dimension)
        var r = 0
        while r + 4 <= rowCount {
            let y = rows + r * dimension
            addLower4(gram, dimension: dimension, y, y + dimension, y + 2 * dimension, y + 3 * dimension, 1, 1, 1, 1)
            r += 4
        }
        while r < rowCount {
            let y = rows + r * dimension
            addLower4(gram, dimension: dimension, y, y, y, y, 1, 0, 0, 0)
            r += 1
        }
        for a in 0..<dimension {
            for b in (a + 1)..<dimension { gram[a * dimension + b] = gram[b * dimension + a] }
        }
    }

    /// Adds Σₑ weights[e] · y yᵀ with y = row `indices[e]` of `table` (row-major, `dimension` wide) to the lower
    /// triangle of `matrix`; the upper triangle is left unspecified.
    /// - Complexity: O(count × dimension²) time, half of it multiply-adds; no allocation.
    @inlinable
    public static func addWeightedLower(_ matrix: UnsafeMutablePointer<Float>, dimension: Int,
                                        table: UnsafePointer<Float>, indices: UnsafePointer<Int32>,
                                        weights: UnsafePointer<Float>, count: Int) {
        var e = 0
        while e + 4 <= count {
            addLower4(matrix, dimension: dimension,
                      table + Int(indices[e]) * dimension, table + Int(indices[e + 1]) * dimension,
                      table + Int(indices[e + 2]) * dimension, table + Int(indices[e + 3]) * dimension,
                      weights[e], weights[e + 1], weights[e + 2], weights[e + 3])
            e += 4
        }
        while e < count {
            let y = table + Int(indices[e]) * dimension
            addLower4(matrix, dimension: dimension, y, y, y, y, weights[e], 0, 0, 0)
            e += 1
        }
    }

    /// Lower triangle of `m` += w0·y0 y0ᵀ + w1·y1 y1ᵀ + w2·y2 y2ᵀ + w3·y3 y3ᵀ. Row a is updated in whole
    /// 8-wide blocks up to column a, spilling into the upper triangle, which callers treat as scratch.
    @inlinable
    static func addLower4(_ m: UnsafeMutablePointer<Float>, dimension n: Int,
                          _ y0: UnsafePointer<Float>, _ y1: UnsafePointer<Float>,
                          _ y2: UnsafePointer<Float>, _ y3: UnsafePointer<Float>,
                          _ w0: Float, _ w1: Float, _ w2: Float, _ w3: Float) {
        let r0 = UnsafeRawPointer(y0), r1 = UnsafeRawPointer(y1), r2 = UnsafeRawPointer(y2), r3 = UnsafeRawPointer(y3)
        for a in 0..<n {
            let s0 = w0 * y0[a], s1 = w1 * y1[a], s2 = w2 * y2[a], s3 = w3 * y3[a]
            let v0 = SIMD8<Float>(repeating: s0), v1 = SIMD8<Float>(repeating: s1)
            let v2 = SIMD8<Float>(repeating: s2), v3 = SIMD8<Float>(repeating: s3)
            let row = UnsafeMutableRawPointer(m + a * n)
            var j = 0
            while j <= a && j + 8 <= n {
                let offset = j * 4
                var acc = row.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
                acc += v0 * r0.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
                acc += v1 * r1.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
                acc += v2 * r2.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
                acc += v3 * r3.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
                row.storeBytes(of: acc, toByteOffset: offset, as: SIMD8<Float>.self)
                j += 8
            }
            let out = m + a * n
            while j <= a {
                out[j] += s0 * y0[j] + s1 * y1[j] + s2 * y2[j] + s3 * y3[j]
                j += 1
            }
        }
    }
}
