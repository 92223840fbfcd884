import RecCore

/// Neighbourhood model on baseline residuals (Koren 2010, "Factor in the neighbors", eq. 3; Surprise's
/// `KNNBaseline` with the `pearson_baseline` similarity). Item-based:
/// r̂_ui = b_ui + Σ_{j∈N^k_i(u)} sim(i, j)(r_uj − b_uj) / Σ_{j∈N^k_i(u)} sim(i, j),
/// where N^k_i(u) are the k items u rated that are most similar to i, counting only positive similarities.
///
/// Falls back to b_ui with fewer than `minimumNeighbors` such neighbours, and to the bias terms that exist for
/// unknown users or items. Predictions are clipped to the training scale. The model keeps the training
/// residuals, since predictions are made from them.
public struct KNNBaseline: RatingPredictor, Codable {
    /// Users the model was trained on.
    public let users: IDIndex<UserID>
    /// Items the model was trained on.
    public let items: IDIndex<ItemID>
    /// The scale predictions are clipped to.
    public let scale: RatingScale
    /// The fitted b_ui terms.
    public let biases: BaselineBiases
    /// The options the model was fitted with.
    public let configuration: KNNBaselineConfiguration
    /// Shrunk Pearson-baseline similarities between items (users when user-based); rows sorted by index.
    public let similarities: SparseRows
    /// Residuals r − b_ui of the training ratings by user (item-based) or by item (user-based): each row lists
    /// the candidate neighbours of a prediction.
    public let residuals: SparseRows

    /// Fits the baseline, computes the training residuals and the similarity between every pair of items (users
    /// when user-based) that share at least two raters.
    ///
    /// - Parameters:
    ///   - matrix: training ratings.
    ///   - configuration: neighbourhood and baseline options; the defaults are Surprise's.
    ///   - progress: receives the baseline's epochs (phase `"train baseline"`), then about twenty reports of
    ///     similarity rows done (phase `"train knn-baseline"`).
    /// - Throws: `AlgorithmError` `.invalidConfiguration` for out-of-range options, `.emptyTrainingData` for an
    ///   empty matrix.
    /// - Complexity: O(Σ_u |I(u)|²) time item-based (O(Σ_i |U(i)|²) user-based); memory O(entries + similar pairs).
    public static func fit(_ matrix: InteractionMatrix, configuration: KNNBaselineConfiguration = .init(),
                           progress: ProgressHandler? = nil) throws -> KNNBaseline {
        try configuration.validate()
        guard matrix.entryCount > 0 else { throw AlgorithmError.emptyTrainingData("KNNBaseline") }
        let biases = try BaselinePredictor.fit(matrix, configuration: configuration.baseline, progress: progress).biases
        let byUser = SparseRows(offsets: matrix.userOffsets, indices: matrix.userItems, values: (0..<matrix.users.count).flatMap { u in
            (matrix.userOffsets[u]..<matrix.userOffsets[u + 1]).map { e in
                matrix.userValues[e] - biases.estimate(user: u, item: Int(matrix.userItems[e]))
            }
        })
        let byItem = SparseRows(offsets: matrix.itemOffsets, indices: matrix.itemUsers, values: (0..<matrix.items.count).flatMap { i in
            (matrix.itemOffsets[i]..<matrix.itemOffsets[i + 1]).map { e in
                matrix.itemValues[e] - biases.estimate(user: Int(matrix.itemUsers[e]), item: i)
            }
        })
        let (neighbours, candidates) = configuration.userBased ? (byUser, byItem) : (byItem, byUser)
        let similarities = SparseRows.pearsonBaselineSimilarities(
            byRow: neighbours, byColumn: candidates, shrinkage: configuration.shrinkage) { done in
            progress?(TaskProgress(phase: "train knn-baseline", completed: done, total: neighbours.rowCount))
        }
        return KNNBaseline(users: matrix.users, items: matrix.items, scale: matrix.scale, biases: biases,
                           configuration: configuration, similarities: similarities, residuals: candidates)
    }

    /// b_ui plus the similarity-weighted mean residual of the k most similar positively-similar neighbours,
    /// clipped to ``scale``. Ties in similarity keep the neighbour that comes first in training order, as
    /// Surprise's `heapq.nlargest` does.
    /// - Complexity: O(n log n) for the n ratings of the user (item-based) or of the item (user-based);
    ///   allocates one candidate list.
    public func predict(user: UserID, item: ItemID) -> Float {
        let u = users.index(of: user), i = items.index(of: item)
        let baseline = biases.estimate(user: u, item: i)
        guard let u, let i else { return scale.clip(baseline) }
        let (target, row) = configuration.userBased ? (u, i) : (i, u)
        var candidates: [(similarity: Float, residual: Float)] = []
        for entry in residuals.offsets[row]..<residuals.offsets[row + 1] {
            let similarity = similarities.value(row: target, column: residuals.indices[entry])
            if similarity > 0 { candidates.append((similarity, residuals.values[entry])) }
        }
        if candidates.count > configuration.neighbors {
            let ranked = candidates.enumerated().sorted {
                $0.element.similarity != $1.element.similarity ? $0.element.similarity > $1.element.similarity : $0.offset < $1.offset
            }
            candidates = ranked.prefix(configuration.neighbors).map(\.element)
        }
        guard !candidates.isEmpty, candidates.count >= configuration.minimumNeighbors else { return scale.clip(baseline) }
        var weighted: Float = 0, total: Float = 0
        for candidate in candidates {
            weighted += candidate.similarity * candidate.residual
            total += candidate.similarity
        }
        return scale.clip(baseline + weighted / total)
    }
}
