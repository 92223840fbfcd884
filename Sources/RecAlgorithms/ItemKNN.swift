import RecCore

/// Item-based nearest neighbours on cosine similarity for implicit feedback (Sarwar et al. 2001; Deshpande &
/// Karypis 2004), with the semantics of implicit's `CosineRecommender`: each item keeps its k most similar items
/// (itself included), and score(u, i) = Σ_{j ∈ I(u)} r_uj · sim(j, i) over j whose neighbour list holds i, that is
/// the user's row times the sparse similarity matrix.
public struct ItemKNN: FoldInRecommender, Codable {
    /// Id maps, seen items and popularity.
    public let history: TrainingHistory
    /// The options the model was fitted with.
    public let configuration: ItemKNNConfiguration
    /// Row j holds item j's k nearest items and their similarities, indices ascending.
    public let neighbours: SparseRows
    /// Each training user's items and summed interaction values, indices ascending.
    public let userRows: SparseRows

    /// Computes every item's k nearest items by cosine similarity of their user columns.
    ///
    /// - Parameters:
    ///   - matrix: training interactions; values weight both similarity and scores (1 for plain positives).
    ///   - configuration: neighbourhood size and shrinkage; the defaults are implicit's.
    ///   - progress: called with items done (phase `"train item-knn"`) as chunks finish.
    /// - Throws: `AlgorithmError` `.invalidConfiguration` for out-of-range options or a non-finite value,
    ///   `.emptyTrainingData` for an empty matrix; `CancellationError` when cancelled.
    /// - Complexity: O(Σ_u |I(u)|² + items × candidates × log k) time on both cores; memory O(entries + items × k).
    public static func fit(_ matrix: InteractionMatrix, configuration: ItemKNNConfiguration = .init(),
                           progress: ProgressHandler? = nil) async throws -> ItemKNN {
        try configuration.validate(for: "ItemKNN")
        guard matrix.entryCount > 0 else { throw AlgorithmError.emptyTrainingData("ItemKNN") }
        let byUser = try SparseRows.interactions(of: matrix, byUser: true, algorithm: "ItemKNN")
        let byItem = try SparseRows.interactions(of: matrix, byUser: false, algorithm: "ItemKNN")
        let total = byItem.rowCount
        let neighbours = try await SparseRows.cosineNeighbours(
            of: byItem, through: byUser, count: configuration.neighbors, shrinkage: configuration.shrinkage) { done in
            progress?(TaskProgress(phase: "train item-knn", completed: done, total: total))
        }
        return ItemKNN(history: TrainingHistory(matrix), configuration: configuration, neighbours: neighbours,
                       userRows: byUser)
    }

    /// Best-first items for a training user, scored from the neighbour lists of the items they interacted with.
    /// - Complexity: O(|I(u)| × k + items log count).
    public func recommend(for user: UserID, count: Int, excluding excluded: Set<ItemID>, includeSeen: Bool) -> TopNList {
        history.recommend(for: user, count: count, excluding: excluded, includeSeen: includeSeen) { u, scores in
            let span = userRows.offsets[u]..<userRows.offsets[u + 1]
            accumulate(items: userRows.indices[span], values: userRows.values[span], into: scores)
        }
    }

    /// Best-first items for the history's user, by the same formula as for a training user.
    /// - Complexity: O(|history| × k + items log count).
    public func recommend(forHistory history: [ItemID: Float], count: Int, excluding excluded: Set<ItemID>) -> TopNList {
        self.history.recommend(forHistory: history, count: count, excluding: excluded) { items, values, scores in
            accumulate(items: items[...], values: values[...], into: scores)
        }
    }

    /// The `count` items most similar to `item`, best first, from its neighbour list (`item` itself left out);
    /// empty for an unknown item.
    /// - Complexity: O(k log k).
    public func similarItems(to item: ItemID, count: Int) -> [ScoredItem] {
        guard let i = history.items.index(of: item) else { return [] }
        return (neighbours.offsets[i]..<neighbours.offsets[i + 1])
            .filter { neighbours.indices[$0] != Int32(i) }
            .sorted { neighbours.values[$0] != neighbours.values[$1] ? neighbours.values[$0] > neighbours.values[$1]
                                                                     : neighbours.indices[$0] < neighbours.indices[$1] }
            .prefix(max(count, 0))
            .map { ScoredItem(item: history.items[Int(neighbours.indices[$0])], score: neighbours.values[$0]) }
    }

    /// scores[i] += Σ_j value_j · sim(j, i) over the given items j.
    private func accumulate(items: ArraySlice<Int32>, values: ArraySlice<Float>, into scores: UnsafeMutableBufferPointer<Float>) {
        neighbours.indices.withUnsafeBufferPointer { indices in
        neighbours.values.withUnsafeBufferPointer { similarities in
            for (j, value) in zip(items, values) {
                for entry in neighbours.offsets[Int(j)]..<neighbours.offsets[Int(j) + 1] {
                    scores[Int(indices[entry])] += value * similarities[entry]
                }
            }
        }}
    }
}
