import RecCore

/// Maximal marginal relevance (Carbonell & Goldstein 1998) over genre overlap: re-ranks candidates so
/// that each pick trades its score against its similarity to the items already picked.
///
/// Pick `argmax λ·ŝ(i) − (1 − λ)·max_{j picked} J(i, j)`, where ŝ is the score min-max scaled to [0, 1]
/// over the candidates and J the Jaccard index of the two items' genre sets. `diversity = 1 − λ`:
/// 0 keeps the model's order, 1 ignores scores after the first pick.
enum DiversityReranking {
    /// The `count` best candidates under MMR with the given diversity in [0, 1].
    /// - Complexity: O(count × candidates × genres).
    static func rerank(_ candidates: [ScoredItem], count: Int, diversity: Double, genres: (ItemID) -> Set<String>) -> [ScoredItem] {
        guard diversity > 0, candidates.count > 1 else { return Array(candidates.prefix(count)) }
        let lambda = Float(1 - diversity)
        let scores = candidates.map(\.score)
        let low = scores.min() ?? 0, range = (scores.max() ?? 0) - low
        let scaled = scores.map { range > 0 ? ($0 - low) / range : 1 }
        let genreSets = candidates.map { genres($0.item) }
        var maxSimilarity = [Float](repeating: 0, count: candidates.count)
        var remaining = Array(candidates.indices)
        var picked: [ScoredItem] = []
        while picked.count < count, !remaining.isEmpty {
            var bestPosition = 0
            var bestValue = -Float.infinity
            for (position, index) in remaining.enumerated() {
                let value = lambda * scaled[index] - (1 - lambda) * maxSimilarity[index]
                if value > bestValue { bestValue = value; bestPosition = position }
            }
            let chosen = remaining.remove(at: bestPosition)
            picked.append(candidates[chosen])
            for index in remaining {
                maxSimilarity[index] = max(maxSimilarity[index], jaccard(genreSets[index], genreSets[chosen]))
            }
        }
        return picked
    }

    /// |a ∩ b| / |a ∪ b|; 0 when both are empty.
    static func jaccard(_ a: Set<String>, _ b: Set<String>) -> Float {
        let union = a.union(b).count
        return union == 0 ? 0 : Float(a.intersection(b).count) / Float(union)
    }
}
