import RecCore

/// Re-ranks the collaborative model's candidates by a blend with the user's interest vector, so that what a user
/// just liked or disliked moves the content of their list, not only its collaborative neighbourhood.
///
/// Both scores are min–max scaled to [0, 1] over the candidates (all equal → 1), as ``RecAlgorithms/LinearBlend``
/// does for whole lists, and the new score is `(1 − weight)·model + weight·cosine(interest, item)`. Candidates
/// without an embedding get cosine 0 before scaling; an interest of the wrong dimension changes nothing. Ties keep the model's order.
enum InterestReranking {
    /// `candidates` ordered by the blended score, which replaces their score.
    /// - Parameters:
    ///   - interest: the user's interest (``RecAlgorithms/InterestVector/mean``), in the embeddings' space.
    ///   - weight: the interest's share in [0, 1]; 0 returns `candidates` unchanged.
    /// - Complexity: O(candidates × dimension + candidates log candidates).
    static func rerank(_ candidates: [ScoredItem], interest: [Float], embeddings: ItemEmbeddings, weight: Float) -> [ScoredItem] {
        guard weight > 0, candidates.count > 1, interest.count == embeddings.dimension else { return candidates }
        let norm = VectorKernels.dot(interest, interest, count: interest.count).squareRoot()
        let cosines: [Float] = candidates.map { candidate in
            guard norm > 0, let vector = embeddings.vector(of: candidate.item) else { return 0 }
            return vector.withUnsafeBufferPointer { v in
                let length = VectorKernels.dot(v.baseAddress!, v.baseAddress!, count: v.count).squareRoot()
                return length > 0 ? VectorKernels.dot(v.baseAddress!, interest, count: v.count) / (length * norm) : 0
            }
        }
        let model = scaled(candidates.map(\.score)), content = scaled(cosines)
        let blended = candidates.indices.map { (index: $0, score: (1 - weight) * model[$0] + weight * content[$0]) }
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.index < $1.index }
        return blended.map { ScoredItem(item: candidates[$0.index].item, score: $0.score) }
    }

    /// `values` min–max scaled to [0, 1]; all 1 when they are equal.
    private static func scaled(_ values: [Float]) -> [Float] {
        let low = values.min() ?? 0, range = (values.max() ?? 0) - low
        return values.map { range > 0 ? ($0 - low) / range : 1 }
    }
}
