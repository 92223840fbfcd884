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
}
