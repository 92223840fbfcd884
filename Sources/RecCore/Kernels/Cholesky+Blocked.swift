extension Cholesky {
    /// Rows per panel of the blocked factorisation and of the triangular inverse, and per unit of work a task owns.
    static let blockRows = 64

    /// Right-looking blocked Cholesky factorisation A = L·Lᵀ, in place on the lower triangle of the row-major
    /// `n × n` matrix at `matrix`; the strict upper triangle is used as scratch and left holding garbage.
    ///
    /// For each panel of 64 columns: the diagonal block is factored by ``factor(_:dimension:rowStride:)``;
    /// the rows below solve against it (in parallel, copying the panel transposed into `panel` so the update
    /// reads contiguous rows); then the trailing lower triangle takes the rank-64 update
    /// A₂₂ −= L₂₁·L₂₁ᵀ by ``MatrixProduct`` in parallel. Tasks own interleaved 64-row units, so every entry is
    /// computed by the same operations in the same order whatever `tasks` is.
    /// - Parameters:
    ///   - panel: scratch of `blockRows × n` Floats.
    ///   - tasks: child tasks per step.
    /// - Returns: `nil`, or the first row whose pivot is ≤ 0 or not finite (not positive definite).
    /// - Throws: `CancellationError`.
    /// - Complexity: O(n³/6) multiply-adds, spread over `tasks`; no allocation beyond the tasks.
    static func factorBlocked(_ matrix: SharedRows, dimension n: Int, panel: SharedRows, tasks: Int) async throws -> Int? {
        let a = matrix.base
        for k0 in stride(from: 0, to: n, by: blockRows) {
            let width = min(blockRows, n - k0)
            if let row = factor(a + k0 * n + k0, dimension: width, rowStride: n) { return k0 + row }
            let next = k0 + width
            if next < n {
                try await SharedRows.run(tasks: tasks) { t in
                    let a = matrix.base, transposed = panel.base
                    for start in stride(from: next + t * blockRows, to: n, by: tasks * blockRows) {
                        for i in start..<min(n, start + blockRows) {
                            let x = a + i * n + k0
                            for j in 0..<width {
                                let diagonal = a + (k0 + j) * n + k0
                                x[j] = (x[j] - VectorKernels.dot(x, diagonal, count: j)) / diagonal[j]
                                transposed[j * n + i] = x[j]
                            }
                        }
                    }
                }
                try await SharedRows.run(tasks: tasks) { t in
                    let a = matrix.base, transposed = panel.base
                    for start in stride(from: next + t * blockRows, to: n, by: tasks * blockRows) {
                        let end = min(n, start + blockRows)
                        MatrixProduct.subtract(a + start * n + k0, rowStride: n, times: transposed + next, rowStride: n,
                                               from: a + start * n + next, rowStride: n,
                                               rows: end - start, columns: end - next, depth: width)
                    }
                }
            }
        }
        return nil
    }
}
