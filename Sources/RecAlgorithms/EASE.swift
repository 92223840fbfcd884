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

    /// Builds the Gram matrix XᵀX + λI in Float, inverts it with the blocked parallel Cholesky kernel
    /// (``Cholesky/invert(_:dimension:tasks:)``, `threads` child tasks per step), and forms B.
    ///
    /// - Parameters:
    ///   - matrix: training interactions; values are the entries of X (1 for plain positives).
    ///   - configuration: λ, the memory limit and the threads.
    ///   - progress: phase `"train ease"`: 1 (of 1) after the inverse.
    /// - Throws: `AlgorithmError` `.invalidConfiguration` for out-of-range options, a non-finite value, a
    ///   catalogue whose matrices exceed `memoryLimitBytes` (the message gives the GiB needed), or a Gram
    ///   matrix that is numerically not positive definite; `.emptyTrainingData` for an empty matrix;
    ///   `CancellationError` when cancelled.
    /// - Complexity: O(Σ_u |I(u)|² + items³) time (items³/6 multiply-adds each to factor, to invert the factor
    ///   and to multiply the inverse factors); O(items²) memory, about 12 bytes per item pair.
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
                                 "EASE needs about \(gib(needed)) GiB for \(n) items (\(n)² × 12 bytes: three Float matrices "
                                 + "while inverting); the limit is \(gib(configuration.memoryLimitBytes)) GiB: "
                                 + "raise `memoryLimitBytes` or use item-knn")
        }
        let byUser = try SparseRows.interactions(of: matrix, byUser: true, algorithm: "EASE")
        var inverse = lowerGram(of: byUser, items: n, regularization: configuration.regularization)
        try Task.checkCancellation()
        if let row = try await Cholesky.invert(&inverse, dimension: n, tasks: configuration.threads) {
            throw AlgorithmError(.invalidConfiguration,
                                 "EASE: XᵀX + λI is not positive definite at item '\(matrix.items[row])' (pivot \(row + 1) of \(n)); "
                                 + "raise `regularization` (now \(configuration.regularization))")
        }
        progress?(TaskProgress(phase: "train ease", completed: 1, total: 1))
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

    /// The lower triangle of XᵀX + λI, row-major n × n Floats (exact for 0/1 data: counts of users).
    private static func lowerGram(of byUser: SparseRows, items n: Int, regularization: Float) -> [Float] {
        var gram = [Float](repeating: 0, count: n * n)
        gram.withUnsafeMutableBufferPointer { gram in
            for u in 0..<byUser.rowCount {
                let span = byUser.offsets[u]..<byUser.offsets[u + 1]
                for a in span {
                    let row = Int(byUser.indices[a]) * n
                    let value = byUser.values[a]
                    for b in span.lowerBound...a { gram[row + Int(byUser.indices[b])] += value * byUser.values[b] }
                }
            }
            for i in 0..<n { gram[i * n + i] += regularization }
        }
        return gram
    }
}
