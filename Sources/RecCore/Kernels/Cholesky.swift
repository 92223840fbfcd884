/// Cholesky factorisation A = L·Lᵀ of a small dense symmetric positive-definite matrix, and the solve of
/// A·x = b with that factor: the exact solver of alternating least squares.
///
/// Matrices are `dimension × dimension`, row-major. Only the lower triangle is read and written; the upper
/// triangle is ignored, so callers may use it as scratch. Row-oriented (Cholesky–Banachiewicz) so every
/// inner product runs over contiguous memory with ``VectorKernels/dot(_:_:count:)``; nothing allocates.
public enum Cholesky {
    /// Overwrites the lower triangle of `matrix` with L such that A = L·Lᵀ.
    /// - Returns: `false`, leaving `matrix` partly overwritten, when A is not numerically positive definite
    ///   (a pivot is ≤ 0 or not finite).
    /// - Complexity: O(dimension³ / 6) multiply-adds, no allocation.
    @inlinable
    public static func factor(_ matrix: UnsafeMutablePointer<Float>, dimension n: Int) -> Bool {
        factor(matrix, dimension: n, rowStride: n) == nil
    }

    /// Overwrites the lower triangle of the `dimension × dimension` block at `matrix`, whose rows are
    /// `rowStride` apart, with L such that A = L·Lᵀ: the diagonal blocks of ``invert(_:dimension:tasks:)``.
    /// - Returns: `nil`, or the first row whose pivot is ≤ 0 or not finite (A is not numerically positive
    ///   definite; the block is then partly overwritten).
    /// - Complexity: O(dimension³ / 6) multiply-adds, no allocation.
    @inlinable
    public static func factor(_ matrix: UnsafeMutablePointer<Float>, dimension n: Int, rowStride: Int) -> Int? {
        for i in 0..<n {
            let rowI = matrix + i * rowStride
            for j in 0..<i {
                let rowJ = matrix + j * rowStride
                rowI[j] = (rowI[j] - VectorKernels.dot(rowI, rowJ, count: j)) / rowJ[j]
            }
            let pivot = rowI[i] - VectorKernels.dot(rowI, rowI, count: i)
            guard pivot > 0, pivot.isFinite else { return i }
            rowI[i] = pivot.squareRoot()
        }
        return nil
    }

    /// Solves L·Lᵀ·x = b in place (`vector` holds b on entry and x on return), for L from ``factor(_:dimension:)``.
    /// - Complexity: O(dimension²), no allocation.
    @inlinable
    public static func solve(_ factor: UnsafePointer<Float>, _ vector: UnsafeMutablePointer<Float>, dimension n: Int) {
        for i in 0..<n {
            let row = factor + i * n
            vector[i] = (vector[i] - VectorKernels.dot(row, vector, count: i)) / row[i]
        }
        // Lᵀ·x = y, column-oriented so each step reads row i of L contiguously.
        var i = n - 1
        while i >= 0 {
            let row = factor + i * n
            let xi = vector[i] / row[i]
            vector[i] = xi
            VectorKernels.axpy(-xi, row, vector, count: i)
            i -= 1
        }
    }
}
