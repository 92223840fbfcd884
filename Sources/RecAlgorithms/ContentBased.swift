import RecCore

/// Content-based top-N: a user's profile is the weighted mean of the embeddings of the items they interacted
/// with, and an item's score is the cosine between the profile and the item's embedding (Pazzani & Billsus 2007,
/// with text embeddings as item features).
///
/// The weights are the matrix's values, so the caller chooses them: 1 for plain positives, or a rating's
/// sentiment times a recency decay (``InterestConfiguration/weight(rating:scale:age:)``), which makes the profile the
/// batch form of ``InterestVector``. The catalogue is every embedded item plus every training item; items with
/// no training interactions (cold items) are ranked like any other, which collaborative models cannot do.
/// A training item without an embedding gets a zero vector: it adds nothing to profiles and scores 0.
public struct ContentBased: FoldInRecommender, Codable {
    /// Id maps over the whole catalogue, seen items and popularity (0 for cold items).
    public let history: TrainingHistory
    /// Unit item vectors, rows aligned with `history.items`.
    public let embeddings: ItemEmbeddings
    /// users × dimension unit profiles, rows aligned with `history.users`; a zero row for a user whose weights
    /// cancel out.
    public let profiles: [Float]

    /// Builds every training user's profile.
    /// - Parameters:
    ///   - matrix: training interactions; each value weights its item's embedding in the user's profile.
    ///   - embeddings: one vector per catalogue item.
    /// - Throws: `AlgorithmError` `.emptyTrainingData` for an empty matrix, `.invalidConfiguration` for a value
    ///   that is not finite.
    /// - Complexity: O(entries × dimension + items × dimension) time and memory O((users + items) × dimension).
    public static func fit(_ matrix: InteractionMatrix, embeddings: ItemEmbeddings) throws -> ContentBased {
        guard matrix.entryCount > 0 else { throw AlgorithmError.emptyTrainingData("ContentBased") }
        if let bad = matrix.entryValues.firstIndex(where: { !$0.isFinite }) {
            throw AlgorithmError.invalidConfiguration(
                "ContentBased training matrix",
                field: "value of user '\(matrix.users[Int(matrix.entryUsers[bad])])', item '\(matrix.items[Int(matrix.entryItems[bad])])'",
                expected: "a finite number", found: "\(matrix.entryValues[bad])")
        }
        let d = embeddings.dimension
        let extra = matrix.items.ids.filter { embeddings.items.index(of: $0) == nil }
        let items = extra.isEmpty ? embeddings : embeddings.appendingZeroRows(for: extra)
        let catalogue = items.items
        let columns = matrix.items.ids.map { Int32(catalogue.index(of: $0) ?? 0) }
        let remapped = InteractionMatrix(users: matrix.users, items: catalogue, rows: matrix.entryUsers,
                                         columns: matrix.entryItems.map { columns[Int($0)] }, values: matrix.entryValues,
                                         scale: matrix.scale)
        var profiles = [Float](repeating: 0, count: matrix.users.count * d)
        profiles.withUnsafeMutableBufferPointer { out in
            for user in 0..<matrix.users.count {
                let row = remapped.row(user)
                items.weightedMean(of: row.items, weights: row.values, into: out.baseAddress! + user * d)
            }
        }
        return ContentBased(history: TrainingHistory(remapped), embeddings: items, profiles: profiles)
    }

    /// Best-first items for a training user by cosine to their profile.
    /// - Complexity: O(items × dimension + items log count).
    public func recommend(for user: UserID, count: Int, excluding excluded: Set<ItemID>, includeSeen: Bool) -> TopNList {
        history.recommend(for: user, count: count, excluding: excluded, includeSeen: includeSeen) { u, scores in
            profiles.withUnsafeBufferPointer { p in
                let d = embeddings.dimension
                embeddings.cosines(to: UnsafeBufferPointer(rebasing: p[u * d..<(u + 1) * d]), into: scores)
            }
        }
    }

    /// Best-first items for a user known by `history` (item → weight), by cosine to the weighted mean of its items.
    /// - Complexity: O(|history| × dimension + items × dimension + items log count).
    public func recommend(forHistory history: [ItemID: Float], count: Int, excluding excluded: Set<ItemID>) -> TopNList {
        self.history.recommend(forHistory: history, count: count, excluding: excluded) { items, values, scores in
            var profile = [Float](repeating: 0, count: embeddings.dimension)
            profile.withUnsafeMutableBufferPointer { embeddings.weightedMean(of: items[...], weights: values[...], into: $0.baseAddress!) }
            profile.withUnsafeBufferPointer { embeddings.cosines(to: $0, into: scores) }
        }
    }

    /// Best-first catalogue items by cosine to `profile` (an ``InterestVector``'s mean over these embeddings' rows,
    /// or a text's raw embedding passed through ``RecCore/ItemEmbeddings/centered(_:)`` when the embeddings are
    /// centred), never one in `excluded`; not a fallback list.
    /// - Precondition: `profile.count == embeddings.dimension`.
    /// - Complexity: O(items × dimension + items log count).
    public func recommend(forProfile profile: [Float], count: Int, excluding excluded: Set<ItemID>) -> TopNList {
        TopNList(items: embeddings.nearest(to: profile, count: count, excluding: excluded), isFallback: false)
    }

    /// The `count` items whose embeddings have the highest cosine to `item`'s, best first, without `item` itself;
    /// empty for an item without an embedding.
    /// - Complexity: O(items × dimension + items log count).
    public func similarItems(to item: ItemID, count: Int) -> [ScoredItem] {
        guard let vector = embeddings.vector(of: item), vector.contains(where: { $0 != 0 }) else { return [] }
        return embeddings.nearest(to: Array(vector), count: count, excluding: [item])
    }
}

extension ItemEmbeddings {
    /// Writes Σ wⱼ·eⱼ / ‖Σ wⱼ·eⱼ‖ over rows `rows` into `result` (zeros if the sum is zero).
    /// - Complexity: O(|rows| × dimension); no allocation.
    func weightedMean(of rows: ArraySlice<Int32>, weights: ArraySlice<Float>, into result: UnsafeMutablePointer<Float>) {
        vectors.withUnsafeBufferPointer { e in
            for (row, weight) in zip(rows, weights) {
                VectorKernels.axpy(weight, e.baseAddress! + Int(row) * dimension, result, count: dimension)
            }
        }
        let norm = VectorKernels.dot(result, result, count: dimension).squareRoot()
        if norm > 0 { VectorKernels.scale(result, by: 1 / norm, count: dimension) }
    }
}
