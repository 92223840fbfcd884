import RecCore

/// The observed entries of the rows one half-iteration solves (users, or items), with each entry's weight
/// c − 1 and target c·p precomputed once, so the solvers never branch on the weighting.
struct ConfidenceRows: Sendable {
    /// Entries of row r are `offsets[r]..<offsets[r + 1]`.
    let offsets: [Int]
    /// The other side's index of each entry.
    let columns: [Int32]
    /// c − 1 per entry: what the entry adds to YᵀY in YᵀC_uY.
    let weights: [Float]
    /// c·p per entry: its coefficient in YᵀC_u·p_u.
    let targets: [Float]

    /// Precomputes weights and targets of a CSR or CSC structure.
    init(offsets: [Int], columns: [Int32], values: [Float], weighting: ImplicitALSConfiguration.ConfidenceWeighting) {
        self.offsets = offsets
        self.columns = columns
        weights = values.map { weighting.confidence(for: $0) - 1 }
        targets = values.map { $0 > 0 ? weighting.confidence(for: $0) : 0 }
    }

    /// Number of rows.
    var count: Int { offsets.count - 1 }
}

/// Per-row solvers of (YᵀC_uY + λI)·x = YᵀC_u·p_u using YᵀC_uY = YᵀY + Yᵀ(C_u − I)Y, where Yᵀ(C_u − I)Y sums
/// only over the row's observed entries. `gram` is YᵀY + λI (full, row-major), `table` the fixed side's
/// factors, `scratch` room for `4·k + k²` floats; nothing allocates.
enum ALSRowSolver {
    /// Warm-started conjugate gradient, step for step implicit's native `least_squares_cg`: r = b − A·x,
    /// then up to `steps` CG updates, stopping early when ‖r‖² < 1e-20 or the curvature pᵀAp is not positive.
    static func conjugateGradient(x: UnsafeMutablePointer<Float>, gram: UnsafePointer<Float>, table: UnsafePointer<Float>,
                                  columns: UnsafePointer<Int32>, weights: UnsafePointer<Float>,
                                  targets: UnsafePointer<Float>, count: Int, k: Int, steps: Int,
                                  scratch: UnsafeMutablePointer<Float>) {
        let r = scratch, p = scratch + k, ap = scratch + 2 * k
        MatrixVector.multiplyTransposed(gram, rows: k, columns: k, x, into: r)
        VectorKernels.scale(r, by: -1, count: k)
        for e in 0..<count {
            let y = table + Int(columns[e]) * k
            VectorKernels.axpy(targets[e] - weights[e] * VectorKernels.dot(y, x, count: k), y, r, count: k)
        }
        p.update(from: r, count: k)
        var rsOld = VectorKernels.dot(r, r, count: k)
        guard rsOld >= 1e-20 else { return }
        for _ in 0..<steps {
            MatrixVector.multiplyTransposed(gram, rows: k, columns: k, p, into: ap)
            for e in 0..<count {
                let y = table + Int(columns[e]) * k
                VectorKernels.axpy(weights[e] * VectorKernels.dot(y, p, count: k), y, ap, count: k)
            }
            let curvature = VectorKernels.dot(p, ap, count: k)
            guard curvature > 0 else { return }
            let alpha = rsOld / curvature
            VectorKernels.axpy(alpha, p, x, count: k)
            VectorKernels.axpy(-alpha, ap, r, count: k)
            let rsNew = VectorKernels.dot(r, r, count: k)
            if rsNew < 1e-20 { return }
            VectorKernels.scale(p, by: rsNew / rsOld, count: k)
            VectorKernels.axpy(1, r, p, count: k)
            rsOld = rsNew
        }
    }

    /// The exact solve: A = YᵀY + λI + Σ (c−1)·y yᵀ, b = Σ c·p·y, x = A⁻¹b by Cholesky.
    /// - Returns: `false` when A is not numerically positive definite (possible only with λ = 0 or negative weights).
    static func cholesky(x: UnsafeMutablePointer<Float>, gram: UnsafePointer<Float>, table: UnsafePointer<Float>,
                         columns: UnsafePointer<Int32>, weights: UnsafePointer<Float>, targets: UnsafePointer<Float>,
                         count: Int, k: Int, scratch: UnsafeMutablePointer<Float>) -> Bool {
        let a = scratch + 4 * k
        a.update(from: gram, count: k * k)
        GramMatrix.addWeightedLower(a, dimension: k, table: table, indices: columns, weights: weights, count: count)
        x.update(repeating: 0, count: k)
        for e in 0..<count where targets[e] != 0 {
            VectorKernels.axpy(targets[e], table + Int(columns[e]) * k, x, count: k)
        }
        guard Cholesky.factor(a, dimension: k) else { return false }
        Cholesky.solve(a, x, dimension: k)
        return true
    }

    /// Floats of scratch space the solvers need for `k` factors.
    static func scratchCount(factors k: Int) -> Int { 4 * k + k * k }
}

extension ImplicitALS {
    /// YᵀY + λI for the `k`-wide row-major factors `table`.
    /// - Complexity: O(rows × k²).
    static func regularizedGram(of table: [Float], factors k: Int, regularization: Float) -> [Float] {
        var gram = [Float](repeating: 0, count: k * k)
        table.withUnsafeBufferPointer { y in
            gram.withUnsafeMutableBufferPointer {
                GramMatrix.compute(y.baseAddress!, rowCount: table.count / k, dimension: k, into: $0.baseAddress!)
            }
        }
        for d in 0..<k { gram[d * k + d] += regularization }
        return gram
    }

    /// One half-iteration: new vectors for every row of `rows` against the fixed factors `table`, starting
    /// from `current` (the warm start of conjugate gradient).
    ///
    /// Rows are cut into contiguous chunks; at most `threads` chunks are solved at once in child tasks, each
    /// returning its chunk's new rows, copied into place as they arrive. A row's result depends only on
    /// `table`, `gram` and its own current vector, so it is the same whatever the chunking or thread count.
    /// - Throws: `AlgorithmError` `.invalidConfiguration` when a Cholesky system is not positive definite.
    static func solveRows(_ rows: ConfidenceRows, table: [Float], current: [Float], configuration: ImplicitALSConfiguration,
                          side: String) async throws -> [Float] {
        let k = configuration.factors
        let gram = regularizedGram(of: table, factors: k, regularization: configuration.regularization)
        let chunkSize = max(16, (rows.count + 8 * configuration.threads - 1) / (8 * configuration.threads))
        let starts = Array(stride(from: 0, to: rows.count, by: chunkSize))
        var solved = current
        try await withThrowingTaskGroup(of: (Int, [Float]).self) { group in
            var next = 0
            func addChunk() {
                let range = starts[next]..<min(starts[next] + chunkSize, rows.count)
                next += 1
                group.addTask {
                    (range.lowerBound, try solveChunk(range, rows: rows, table: table, gram: gram, current: current,
                                                      configuration: configuration, side: side))
                }
            }
            while next < min(configuration.threads, starts.count) { addChunk() }
            while let (start, chunk) = try await group.next() {
                solved.withUnsafeMutableBufferPointer { out in
                    chunk.withUnsafeBufferPointer { (out.baseAddress! + start * k).update(from: $0.baseAddress!, count: $0.count) }
                }
                if next < starts.count { addChunk() }
            }
        }
        return solved
    }

    /// New vectors for the rows in `range`, row-major.
    private static func solveChunk(_ range: Range<Int>, rows: ConfidenceRows, table: [Float], gram: [Float],
                                   current: [Float], configuration: ImplicitALSConfiguration, side: String) throws -> [Float] {
        let k = configuration.factors
        var result = Array(current[(range.lowerBound * k)..<(range.upperBound * k)])
        var scratch = [Float](repeating: 0, count: ALSRowSolver.scratchCount(factors: k))
        var failedRow: Int?
        rows.columns.withUnsafeBufferPointer { columns in
        rows.weights.withUnsafeBufferPointer { weights in
        rows.targets.withUnsafeBufferPointer { targets in
        table.withUnsafeBufferPointer { table in
        gram.withUnsafeBufferPointer { gram in
        scratch.withUnsafeMutableBufferPointer { scratch in
        result.withUnsafeMutableBufferPointer { result in
            for row in range {
                let first = rows.offsets[row], count = rows.offsets[row + 1] - first
                let x = result.baseAddress! + (row - range.lowerBound) * k
                switch configuration.solver {
                case let .conjugateGradient(steps):
                    ALSRowSolver.conjugateGradient(
                        x: x, gram: gram.baseAddress!, table: table.baseAddress!, columns: columns.baseAddress! + first,
                        weights: weights.baseAddress! + first, targets: targets.baseAddress! + first, count: count, k: k,
                        steps: steps, scratch: scratch.baseAddress!)
                case .cholesky:
                    let ok = ALSRowSolver.cholesky(
                        x: x, gram: gram.baseAddress!, table: table.baseAddress!, columns: columns.baseAddress! + first,
                        weights: weights.baseAddress! + first, targets: targets.baseAddress! + first, count: count, k: k,
                        scratch: scratch.baseAddress!)
                    if !ok { failedRow = row; return }
                }
            }
        }}}}}}}
        if let failedRow {
            throw AlgorithmError.invalidConfiguration(
                "ImplicitALSConfiguration", field: "regularization",
                expected: "a value > 0 large enough that \(side) \(failedRow)'s normal equations are positive definite",
                found: "\(configuration.regularization)")
        }
        return result
    }
}
