import RecCore

/// Re-ranks a model's candidates into a list that serves the person, not only the click: one greedy pass that
/// weighs each candidate's score (re-weighted by inverse propensity), its similarity to the picks so far (maximal
/// marginal relevance, Carbonell & Goldstein 1998) and how far the list's genre mix would drift from the user's
/// history (calibration, Steck 2018).
///
/// Scores are min-max scaled to [0, 1] over the candidates (ŝ), multiplied by the inverse propensity
/// (maxPop / pop)^β and divided by the largest such product (a). Each step picks the candidate maximising
///
///     (1 − c) · [(1 − d) · a(i) − d · max_{j picked} sim(i, j)] − c · KL(p ‖ q̃(picked ∪ {i}))
///
/// with d = diversity, c = calibration, p the history's genre mix and q̃ the smoothed mix of the list
/// (``GenreMix/divergence(from:smoothing:adding:)``). Ties keep the model's order; with every dial at 0 the list
/// is the model's.
public enum ListReranking {
    /// The `count` best candidates under `dials`.
    /// - Parameters:
    ///   - candidates: the model's candidates, best first.
    ///   - history: the user's positives with weights, whose genre mix the list is calibrated to; unused when
    ///     `dials.calibration` is 0.
    /// - Complexity: O(count × candidates × (genres + similarity)), similarity O(genres) or O(dimension).
    public static func rerank(_ candidates: [ScoredItem], count: Int, dials: RerankingDials, history: [ItemID: Float],
                              catalogue: RerankingCatalogue) -> [ScoredItem] {
        guard dials.isReranking, candidates.count > 1 else { return Array(candidates.prefix(count)) }
        let adjusted = adjustedScores(candidates, popularity: dials.popularity, catalogue: catalogue)
        let d = dials.diversity, c = dials.calibration
        let genres = candidates.map { catalogue.genres.genres(of: $0.item) }
        let target = c > 0 ? catalogue.genres.mix(of: history) : GenreMix(genreCount: 0)
        var listMix = GenreMix(genreCount: target.weights.count)
        let similarity = Similarity(candidates, kind: dials.similarity, genres: genres, catalogue: catalogue)
        var maxSimilarity = [Double](repeating: 0, count: candidates.count)
        var remaining = Array(candidates.indices)
        var picked: [ScoredItem] = []
        picked.reserveCapacity(count)
        while picked.count < count, !remaining.isEmpty {
            var bestPosition = 0
            var bestValue = -Double.infinity
            for (position, index) in remaining.enumerated() {
                var value = (1 - d) * adjusted[index] - d * maxSimilarity[index]
                if c > 0 { value = (1 - c) * value - c * listMix.divergence(from: target, adding: genres[index]) }
                if value > bestValue { bestValue = value; bestPosition = position }
            }
            let chosen = remaining.remove(at: bestPosition)
            picked.append(candidates[chosen])
            if c > 0 { listMix.add(genres[chosen], weight: 1) }
            if d > 0 {
                for index in remaining {
                    maxSimilarity[index] = max(maxSimilarity[index], similarity.between(index, chosen))
                }
            }
        }
        return picked
    }

    /// a(i): min-max scaled scores times the inverse propensity, divided by the largest product.
    static func adjustedScores(_ candidates: [ScoredItem], popularity exponent: Double, catalogue: RerankingCatalogue) -> [Double] {
        let scores = candidates.map { Double($0.score) }
        let low = scores.min() ?? 0, range = (scores.max() ?? 0) - low
        let weighted = zip(candidates, scores).map { scored, score in
            (range > 0 ? (score - low) / range : 1) * catalogue.inversePropensity(of: scored.item, exponent: exponent)
        }
        let top = weighted.max() ?? 0
        return top > 0 ? weighted.map { $0 / top } : weighted
    }

    /// Pairwise similarity of candidates by index: genre Jaccard, or embedding cosine where both have a vector.
    private struct Similarity {
        let genres: [[Int]]
        let rows: [Int?]
        let embeddings: ItemEmbeddings?

        init(_ candidates: [ScoredItem], kind: RerankingDials.ItemSimilarity, genres: [[Int]], catalogue: RerankingCatalogue) {
            self.genres = genres
            embeddings = kind == .embeddings ? catalogue.embeddings : nil
            rows = candidates.map { [embeddings] in embeddings?.items.index(of: $0.item) }
        }

        func between(_ a: Int, _ b: Int) -> Double {
            if let embeddings, let ra = rows[a], let rb = rows[b] {
                let d = embeddings.dimension
                return embeddings.vectors.withUnsafeBufferPointer { v in
                    Double(VectorKernels.dot(v.baseAddress! + ra * d, v.baseAddress! + rb * d, count: d))
                }
            }
            return Self.jaccard(genres[a], genres[b])
        }

        /// |a ∩ b| / |a ∪ b| of two sorted index sets; 0 when both are empty.
        static func jaccard(_ a: [Int], _ b: [Int]) -> Double {
            var i = 0, j = 0, shared = 0
            while i < a.count, j < b.count {
                if a[i] == b[j] { shared += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
            }
            let union = a.count + b.count - shared
            return union == 0 ? 0 : Double(shared) / Double(union)
        }
    }
}
