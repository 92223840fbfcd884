/// Dense matrix–vector products y = M·x over a row-major matrix: ALS's YᵀY·p in conjugate gradient and the
/// scoring of every item for one user (item factors · user vector).
public enum MatrixVector {
    /// Writes y[r] = Σ_c matrix[r·columns + c]·x[c] for every row r.
    /// - Precondition: `result` does not overlap `matrix` or `vector`.
    /// - Complexity: O(rows × columns), no allocation.
    @inlinable
    public static func multiply(_ matrix: UnsafePointer<Float>, rows: Int, columns: Int,
                                _ vector: UnsafePointer<Float>, into result: UnsafeMutablePointer<Float>) {
        for r in 0..<rows { result[r] = VectorKernels.dot(matrix + r * columns, vector, count: columns) }
    }

    /// Writes y[c] = Σ_r matrix[r·columns + c]·x[r] for every column c, i.e. y = Mᵀ·x; for a symmetric matrix
    /// (YᵀY + λI) this equals M·x. Accumulates 32 columns at a time in registers over all rows, so unlike
    /// ``multiply(_:rows:columns:_:into:)`` it needs no horizontal sums: the faster form for small square matrices.
    /// - Precondition: `result` does not overlap `matrix` or `vector`.
    /// - Complexity: O(rows × columns), no allocation.
    @inlinable
    public static func multiplyTransposed(_ matrix: UnsafePointer<Float>, rows: Int, columns: Int,
                                          _ vector: UnsafePointer<Float>, into result: UnsafeMutablePointer<Float>) {
        let raw = UnsafeRawPointer(matrix)
        let out = UnsafeMutableRawPointer(result)
        var c = 0
        while c + 32 <= columns {
            var a0 = SIMD8<Float>(), a1 = SIMD8<Float>(), a2 = SIMD8<Float>(), a3 = SIMD8<Float>()
            for r in 0..<rows {
                let x = SIMD8<Float>(repeating: vector[r])
                let offset = (r * columns + c) * 4
                a0 += x * raw.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
                a1 += x * raw.loadUnaligned(fromByteOffset: offset + 32, as: SIMD8<Float>.self)
                a2 += x * raw.loadUnaligned(fromByteOffset: offset + 64, as: SIMD8<Float>.self)
                a3 += x * raw.loadUnaligned(fromByteOffset: offset + 96, as: SIMD8<Float>.self)
            }
            out.storeBytes(of: a0, toByteOffset: c * 4, as: SIMD8<Float>.self)
            out.storeBytes(of: a1, toByteOffset: c * 4 + 32, as: SIMD8<Float>.self)
            out.storeBytes(of: a2, toByteOffset: c * 4 + 64, as: SIMD8<Float>.self)
            out.storeBytes(of: a3, toByteOffset: c * 4 + 96, as: SIMD8<Float>.self)
            c += 32
        }
        while c + 8 <= columns {
            var a0 = SIMD8<Float>()
            for r in 0..<rows {
                a0 += SIMD8<Float>(repeating: vector[r]) * raw.loadUnaligned(fromByteOffset: (r * columns + c) * 4, as: SIMD8<Float>.self)
            }
            out.storeBytes(of: a0, toByteOffset: c * 4, as: SIMD8<Float>.self)
            c += 8
        }
        while c < columns {
            var sum: Float = 0
            for r in 0..<rows { sum += vector[r] * matrix[r * columns + c] }
            result[c] = sum
            c += 1
        }
    }
}
