extension Cholesky {
    /// Replaces a dense symmetric positive-definite matrix A by its inverse, A⁻¹ = L⁻ᵀ·L⁻¹: EASE's
    /// P = (XᵀX + λI)⁻¹ for thousands of items.
    ///
    /// Three parallel steps, each a sequence of ``MatrixProduct`` updates on 64-row units that the child tasks
    /// own in turn: the blocked factorisation A = L·Lᵀ, the triangular inverse W = L⁻¹ (row panels top to
    /// bottom, each panel's product with the rows above split by columns), and the lower triangle of WᵀW
    /// (reading Wᵀ as contiguous rows), mirrored to the upper. Every entry is computed by the same
    /// operations in the same order for any `tasks`, so the result does not depend on it.
    /// - Parameters:
    ///   - matrix: row-major `dimension × dimension`; only the lower triangle is read. On success it holds
    ///     A⁻¹, full and exactly symmetric; otherwise it is left empty.
    ///   - tasks: child tasks per step (the cores to use).
    /// - Returns: `nil` on success, else the first row whose pivot is ≤ 0 or not finite (A is not
    ///   numerically positive definite).
    /// - Throws: `CancellationError`, checked before each step's tasks.
    /// - Complexity: O(dimension³/2) multiply-adds, spread over `tasks`; at most three `dimension²` Float
    ///   matrices (with `matrix`) and a `64 × dimension` panel alive at once.
    public static func invert(_ matrix: inout [Float], dimension n: Int, tasks: Int) async throws -> Int? {
        precondition(matrix.count == n * n && tasks >= 1, "Cholesky.invert: \(matrix.count) entries for dimension \(n)")
        var lower: UnsafeMutablePointer<Float>? = .allocate(capacity: n * n)
        var upper: UnsafeMutablePointer<Float>? = nil
        let product = UnsafeMutablePointer<Float>.allocate(capacity: n * n)
        let panel = UnsafeMutablePointer<Float>.allocate(capacity: blockRows * n)
        defer {
            lower?.deallocate()
            upper?.deallocate()
            product.deallocate()
            panel.deallocate()
        }
        guard let w = lower else { return nil }
        matrix.withUnsafeBufferPointer { w.initialize(from: $0.baseAddress!, count: n * n) }
        matrix = []
        if let row = try await factorBlocked(SharedRows(base: w), dimension: n, panel: SharedRows(base: panel), tasks: tasks) {
            return row
        }
        for i in 0..<n { (w + i * n + i + 1).update(repeating: 0, count: n - i - 1) }
        try await invertLower(SharedRows(base: w), dimension: n, panel: SharedRows(base: panel), tasks: tasks)
        let u = UnsafeMutablePointer<Float>.allocate(capacity: n * n)
        upper = u
        transpose(w, into: u, dimension: n)
        product.initialize(repeating: 0, count: n * n)
        try await SharedRows.run(tasks: tasks) { [w = SharedRows(base: w), u = SharedRows(base: u), q = SharedRows(base: product)] t in
            // −P[i][j] for j ≤ i: −Σ_{k ≥ i} Wᵀ[i][k]·W[k][j]; a unit's later rows add exact zeros from Wᵀ's lower part.
            for start in stride(from: t * blockRows, to: n, by: tasks * blockRows) {
                let end = min(n, start + blockRows)
                MatrixProduct.subtract(u.base + start * n + start, rowStride: n, times: w.base + start * n, rowStride: n,
                                       from: q.base + start * n, rowStride: n, rows: end - start, columns: end, depth: n - start)
            }
        }
        w.deallocate()
        lower = nil
        u.deallocate()
        upper = nil
        matrix = [Float](unsafeUninitializedCapacity: n * n) { inverse, count in
            for i in 0..<n {
                for j in 0...i {
                    inverse[i * n + j] = -product[i * n + j]
                    inverse[j * n + i] = -product[i * n + j]
                }
            }
            count = n * n
        }
        return nil
    }

    /// Replaces the lower-triangular `n × n` matrix L at `matrix` (strict upper triangle zero) by L⁻¹, row
    /// panel by row panel: a panel's rows first take the product with all rows above (already inverted), its
    /// columns split among the tasks in interleaved 16-column strips, each strip skipping the zero rows above
    /// its diagonal; then the panel's own rows are solved one after another.
    /// - Parameter panel: scratch of `blockRows × n` Floats.
    /// - Throws: `CancellationError`.
    /// - Complexity: O(n³/6) multiply-adds, all but O(n² × 64) of them spread over `tasks`.
    static func invertLower(_ matrix: SharedRows, dimension n: Int, panel: SharedRows, tasks: Int) async throws {
        let a = matrix.base, sums = panel.base
        for i0 in stride(from: 0, to: n, by: blockRows) {
            let i1 = min(n, i0 + blockRows)
            sums.update(repeating: 0, count: blockRows * n)
            if i0 > 0 {
                try await SharedRows.run(tasks: tasks) { t in
                    // sums[r][j] = −Σ_{j ≤ k < i0} L[i0 + r][k]·W[k][j]
                    for j in stride(from: t * 16, to: i0, by: tasks * 16) {
                        MatrixProduct.subtract(matrix.base + i0 * n + j, rowStride: n, times: matrix.base + j * n + j, rowStride: n,
                                               from: panel.base + j, rowStride: n,
                                               rows: i1 - i0, columns: min(16, i0 - j), depth: i0 - j)
                    }
                }
            }
            for i in i0..<i1 {
                let row = a + i * n, sum = sums + (i - i0) * n
                for k in i0..<i { VectorKernels.axpy(-row[k], a + k * n, sum, count: k + 1) }
                sum[i] += 1
                let inverse = 1 / row[i]
                for j in 0...i { row[j] = sum[j] * inverse }
            }
        }
    }

    /// Writes the transpose of the `n × n` matrix at `source` into `target`, in 16 × 16 tiles.
    /// - Complexity: O(n²), no allocation.
    static func transpose(_ source: UnsafePointer<Float>, into target: UnsafeMutablePointer<Float>, dimension n: Int) {
        for i0 in stride(from: 0, to: n, by: 16) {
            for j0 in stride(from: 0, to: n, by: 16) {
                for i in i0..<min(n, i0 + 16) {
                    for j in j0..<min(n, j0 + 16) { target[j * n + i] = source[i * n + j] }
                }
            }
        }
    }
}
