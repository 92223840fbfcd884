import RecCore

/// Embarrassingly Shallow Autoencoder (Steck 2019): a dense item-item weight matrix B that reconstructs each
/// user's row, score(u, ·) = x_u · B, with the closed form B = I − P·diag(1/diag(P)), P = (XᵀX + λI)⁻¹,
/// so that diag(B) = 0.
///
/// B is items × items Floats, so EASE suits catalogues up to some tens of thousands of items; fitting checks
/// ``EASEConfiguration/memoryLimitBytes`` before allocating.
public struct EASE: FoldInRecommender, Codable {
    /// Id maps, seen items and popularity.
    public let history: TrainingHistory
    /// The options the model was fitted with.
    public let configuration: EASEConfiguration
    /// B, row-major items × items: row j holds item j's contribution to every item's score; zero diagonal.
    public let weights: [Float]
    /// Each training user's items and summed interaction values, indices ascending.
    public let userRows: SparseRows

    /// Builds the Gram matrix XᵀX + λI, inverts it by Cholesky factorisation in Double (the inverse's columns
    /// solved in chunks by a task group on both cores), and forms B.
    ///
    /// - Parameters:
    ///   - matrix: training interactions; values are the entries of X (1 for plain positives).
    ///   - configuration: λ and the memory limit.
    ///   - progress: phase `"train ease"`: 1 after the factorisation, 2 after the inverse (of 2).
    /// - Throws: `AlgorithmError` `.invalidConfiguration` for out-of-range options, a non-finite value, a
    ///   catalogue whose matrices exceed `memoryLimitBytes` (the message gives the GiB needed), or a Gram
    ///   matrix that is numerically not positive definite; `.emptyTrainingData` for an empty matrix;
    ///   `CancellationError` when cancelled.
    /// - Complexity: O(Σ_u |I(u)|² + items³) time (about items³/6 multiply-adds to factor and 2/3·items³ to
    ///   invert); O(items²) memory, about 12 bytes per item pair.
    public static func fit(_ matrix: InteractionMatrix, configuration: EASEConfiguration = .init(),
                           progress: ProgressHandler? = nil) async throws -> EASE {
        try configuration.validate()
        guard matrix.entryCount > 0 else { throw AlgorithmError.emptyTrainingData("EASE") }
        let n = matrix.items.count
        let needed = EASEConfiguration.bytesNeeded(items: n)
        guard needed <= configuration.memoryLimitBytes else {
            func gib(_ bytes: Int) -> String {
                let value = Double(bytes) / Double(1 << 30)
                return value >= 10 ? "\(Int(value.rounded()))" : "\(Double(Int(value * 100)) / 100)"
            }
            throw AlgorithmError(.invalidConfiguration,
                                 "EASE needs about \(gib(needed)) GiB for \(n) items (\(n)² × 12 bytes: a Double Gram matrix "
                                 + "and the Float weights); the limit is \(gib(configuration.memoryLimitBytes)) GiB: "
                                 + "raise `memoryLimitBytes` or use item-knn")
        }
        let byUser = try SparseRows.interactions(of: matrix, byUser: true, algorithm: "EASE")
        var gram = lowerGram(of: byUser, items: n, regularization: Double(configuration.regularization))
        try Task.checkCancellation()
        if let row = gram.withUnsafeMutableBufferPointer({ choleskyInPlace($0.baseAddress!, n: n) }) {
            throw AlgorithmError(.invalidConfiguration,
                                 "EASE: XᵀX + λI is not positive definite at item '\(matrix.items[row])' (pivot \(row + 1) of \(n)); "
                                 + "raise `regularization` (now \(configuration.regularization))")
        }
        progress?(TaskProgress(phase: "train ease", completed: 1, total: 2))
        var inverse = try await inverse(ofFactor: gram, n: n)
        gram = []
        progress?(TaskProgress(phase: "train ease", completed: 2, total: 2))
        // B[i][j] = −P[i][j] / P[j][j] off the diagonal, 0 on it.
        let scales = (0..<n).map { -1 / inverse[$0 * n + $0] }
        inverse.withUnsafeMutableBufferPointer { p in
            for i in 0..<n {
                for j in 0..<n { p[i * n + j] *= scales[j] }
                p[i * n + i] = 0
            }
        }
        return EASE(history: TrainingHistory(matrix), configuration: configuration, weights: inverse, userRows: byUser)
    }

    /// Best-first items for a training user: x_u · B.
    /// - Complexity: O(|I(u)| × items + items log count).
    public func recommend(for user: UserID, count: Int, excluding excluded: Set<ItemID>, includeSeen: Bool) -> TopNList {
        history.recommend(for: user, count: count, excluding: excluded, includeSeen: includeSeen) { u, scores in
            let span = userRows.offsets[u]..<userRows.offsets[u + 1]
            accumulate(items: userRows.indices[span], values: userRows.values[span], into: scores)
        }
    }

    /// Best-first items for the history's user: the history vector times B, the same formula as for a training user.
    /// - Complexity: O(|history| × items + items log count).
    public func recommend(forHistory history: [ItemID: Float], count: Int, excluding excluded: Set<ItemID>) -> TopNList {
        self.history.recommend(forHistory: history, count: count, excluding: excluded) { items, values, scores in
            accumulate(items: items[...], values: values[...], into: scores)
        }
    }

    /// scores += Σ_j value_j · B[j, ·].
    private func accumulate(items: ArraySlice<Int32>, values: ArraySlice<Float>, into scores: UnsafeMutableBufferPointer<Float>) {
        let n = history.items.count
        weights.withUnsafeBufferPointer { weights in
            for (j, value) in zip(items, values) {
                VectorKernels.axpy(value, weights.baseAddress! + Int(j) * n, scores.baseAddress!, count: n)
            }
        }
    }

    /// The lower triangle of XᵀX + λI, row-major n × n Doubles.
    private static func lowerGram(of byUser: SparseRows, items n: Int, regularization: Double) -> [Double] {
        var gram = [Double](repeating: 0, count: n * n)
        gram.withUnsafeMutableBufferPointer { gram in
            for u in 0..<byUser.rowCount {
                let span = byUser.offsets[u]..<byUser.offsets[u + 1]
                for a in span {
                    let row = Int(byUser.indices[a]) * n
                    let value = Double(byUser.values[a])
                    for b in span.lowerBound...a { gram[row + Int(byUser.indices[b])] += value * Double(byUser.values[b]) }
                }
            }
            for i in 0..<n { gram[i * n + i] += regularization }
        }
        return gram
    }

    /// P = (L·Lᵀ)⁻¹ as row-major n × n Floats, its columns solved in chunks by a task group.
    private static func inverse(ofFactor factor: [Double], n: Int) async throws -> [Float] {
        let width = 8
        let chunkSize = max(width, (n / 16 + width - 1) / width * width)
        var result = [Float](repeating: 0, count: n * n)
        try await withThrowingTaskGroup(of: (Int, [Float]).self) { group in
            for start in stride(from: 0, to: n, by: chunkSize) {
                group.addTask {
                    try Task.checkCancellation()
                    let columns = start..<min(n, start + chunkSize)
                    var rows = [Float](repeating: 0, count: columns.count * n)
                    var scratch = [Double](repeating: 0, count: n * width)
                    factor.withUnsafeBufferPointer { l in
                    scratch.withUnsafeMutableBufferPointer { scratch in
                    rows.withUnsafeMutableBufferPointer { rows in
                        inverseRows(columns, of: l.baseAddress!, n: n, width: width, scratch: scratch.baseAddress!,
                                    into: rows.baseAddress!)
                    }}}
                    return (start, rows)
                }
            }
            for try await (start, rows) in group {
                result.withUnsafeMutableBufferPointer { result in
                    _ = UnsafeMutableBufferPointer(rebasing: result[(start * n)..<(start * n + rows.count)]).update(fromContentsOf: rows)
                }
            }
        }
        return result
    }
}
