import RecCore

extension ContentBased {
    /// The cosine score of `item` for a user with `history` (item → interaction value), split into the liked
    /// items' contributions: with s = Σ_j w_j·e_j over the history's unit vectors, the profile is s/‖s‖ and the
    /// score e_i·s/‖s‖ = Σ_j w_j·(e_j·e_i)/‖s‖, so item j contributes w_j·(e_j·e_i)/‖s‖ (how much its text
    /// resembles the recommended item's, weighted). The contributions sum to the score
    /// ``recommend(forHistory:count:excluding:)`` serves.
    /// - Parameters:
    ///   - item: the recommended item.
    ///   - history: the user's items and values, as given to the fold-in.
    ///   - count: how many contributions to list; the rest are summed into ``ScoreExplanation/remainder``.
    /// - Returns: `nil` when `item` or every history item is unknown, or the history's vectors sum to zero.
    /// - Complexity: O(|history| × dimension).
    public func explain(_ item: ItemID, history: [ItemID: Float], count: Int) -> ScoreExplanation? {
        guard let target = embeddings.vector(of: item) else { return nil }
        let d = embeddings.dimension
        var sum = [Float](repeating: 0, count: d)
        var known: [(ItemID, Float, ArraySlice<Float>)] = []
        for (id, weight) in history where weight.isFinite {
            guard let vector = embeddings.vector(of: id) else { continue }
            known.append((id, weight, vector))
            for k in 0..<d { sum[k] += weight * vector[vector.startIndex + k] }
        }
        let norm = sum.reduce(0) { $0 + $1 * $1 }.squareRoot()
        guard !known.isEmpty, norm > 0 else { return nil }
        let contributions = known.map { id, weight, vector in
            var dot: Float = 0
            for k in 0..<d { dot += vector[vector.startIndex + k] * target[target.startIndex + k] }
            return ScoredItem(item: id, score: weight * dot / norm)
        }
        return ScoreExplanation(contributions: contributions, keeping: count)
    }
}
