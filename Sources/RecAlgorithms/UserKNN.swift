import RecCore

/// User-based nearest neighbours on cosine similarity for implicit feedback (Herlocker et al. 1999; the user
/// mirror of implicit's `CosineRecommender`): each user keeps their k most similar users (themselves included),
/// and score(u, i) = Σ_{v ∈ N_k(u)} sim(u, v) · r_vi.
public struct UserKNN: FoldInRecommender, Codable {
    /// Id maps, seen items and popularity.
    public let history: TrainingHistory
    /// The options the model was fitted with.
    public let configuration: UserKNNConfiguration
    /// Row u holds user u's k nearest users and their similarities, indices ascending.
    public let neighbours: SparseRows
    /// Each training user's items and summed interaction values, indices ascending.
    public let userRows: SparseRows
    /// Each item's users and values, indices ascending: the candidates for a new user's neighbours.
    public let itemColumns: SparseRows
    /// ‖row‖ of each training user.
    public let userNorms: [Float]

    /// Computes every user's k nearest users by cosine similarity of their item rows.
    ///
    /// - Parameters:
    ///   - matrix: training interactions; values weight both similarity and scores (1 for plain positives).
    ///   - configuration: neighbourhood size and shrinkage.
    ///   - progress: called with users done (phase `"train user-knn"`) as chunks finish.
    /// - Throws: `AlgorithmError` `.invalidConfiguration` for out-of-range options or a non-finite value,
    ///   `.emptyTrainingData` for an empty matrix; `CancellationError` when cancelled.
    /// - Complexity: O(Σ_i |U(i)|² + users × candidates × log k) time on both cores; memory O(entries + users × k).
    public static func fit(_ matrix: InteractionMatrix, configuration: UserKNNConfiguration = .init(),
                           progress: ProgressHandler? = nil) async throws -> UserKNN {
        try configuration.validate(for: "UserKNN")
        guard matrix.entryCount > 0 else { throw AlgorithmError.emptyTrainingData("UserKNN") }
        let byUser = try SparseRows.interactions(of: matrix, byUser: true, algorithm: "UserKNN")
        let byItem = try SparseRows.interactions(of: matrix, byUser: false, algorithm: "UserKNN")
        let total = byUser.rowCount
        let neighbours = try await SparseRows.cosineNeighbours(
            of: byUser, through: byItem, count: configuration.neighbors, shrinkage: configuration.shrinkage) { done in
            progress?(TaskProgress(phase: "train user-knn", completed: done, total: total))
        }
        return UserKNN(history: TrainingHistory(matrix), configuration: configuration, neighbours: neighbours,
                       userRows: byUser, itemColumns: byItem, userNorms: byUser.rowNorms)
    }

    /// Best-first items for a training user, from their stored neighbours.
    /// - Complexity: O(Σ_{v ∈ N_k(u)} |I(v)| + items log count).
    public func recommend(for user: UserID, count: Int, excluding excluded: Set<ItemID>, includeSeen: Bool) -> TopNList {
        history.recommend(for: user, count: count, excluding: excluded, includeSeen: includeSeen) { u, scores in
            let span = neighbours.offsets[u]..<neighbours.offsets[u + 1]
            accumulate(users: neighbours.indices[span], similarities: neighbours.values[span], into: scores)
        }
    }

    /// Best-first items for the history's user: their k nearest training users are found from the history (by
    /// the same similarity as in training), then scored as for a training user.
    /// - Complexity: O(Σ_{i ∈ history} |U(i)| + users + Σ_{v ∈ N_k} |I(v)| + items log count); allocates
    ///   O(users) scratch.
    public func recommend(forHistory history: [ItemID: Float], count: Int, excluding excluded: Set<ItemID>) -> TopNList {
        self.history.recommend(forHistory: history, count: count, excluding: excluded) { items, values, scores in
            var norm = 0.0
            for value in values { norm += Double(value) * Double(value) }
            var search = CosineSearch(columns: itemColumns, norms: userNorms, shrinkage: configuration.shrinkage)
            let found = search.nearest(indices: items[...], values: values[...], norm: Float(norm.squareRoot()),
                                       count: configuration.neighbors).sorted { $0.index < $1.index }
            accumulate(users: found.map(\.index)[...], similarities: found.map(\.similarity)[...], into: scores)
        }
    }

    /// scores[i] += Σ_v sim_v · r_vi over the given users v.
    private func accumulate(users: ArraySlice<Int32>, similarities: ArraySlice<Float>,
                            into scores: UnsafeMutableBufferPointer<Float>) {
        userRows.indices.withUnsafeBufferPointer { items in
        userRows.values.withUnsafeBufferPointer { values in
            for (v, similarity) in zip(users, similarities) {
                for entry in userRows.offsets[Int(v)]..<userRows.offsets[Int(v) + 1] {
                    scores[Int(items[entry])] += similarity * values[entry]
                }
            }
        }}
    }
}
