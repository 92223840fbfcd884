import RecCore

/// A weighted blend of two top-N models' lists, e.g. content-based with ALS, so that cold items (which only the
/// content model can rank) and collaborative signal meet in one list.
///
/// Score normalisation: each model returns its best ``LinearBlendConfiguration/depth`` items for the user; within each list, scores are
/// min–max scaled to [0, 1] (best 1, last 0; a list whose scores are all equal scores 1), an item missing from a
/// list scores 0 there, and the blend is `weight · first + (1 − weight) · second`. Ties keep the first model's
/// order. The list is a fallback only when both models fell back.
public struct LinearBlend: TopNRecommender {
    /// The model weighted by ``LinearBlendConfiguration/weight``.
    public let first: any TopNRecommender
    /// The model weighted by 1 − ``LinearBlendConfiguration/weight``.
    public let second: any TopNRecommender
    /// Weight and depth.
    public let configuration: LinearBlendConfiguration

    /// Blends `first` and `second`.
    /// - Throws: `AlgorithmError` `.invalidConfiguration` when the weight is outside [0, 1] or the depth < 1.
    public init(_ first: any TopNRecommender, _ second: any TopNRecommender,
                configuration: LinearBlendConfiguration = .init()) throws {
        try configuration.validate()
        self.first = first
        self.second = second
        self.configuration = configuration
    }

    /// Best-first blended items for `user`.
    /// - Complexity: both models' `recommend` for max(count, depth) items plus O(depth log depth).
    public func recommend(for user: UserID, count: Int, excluding excluded: Set<ItemID>, includeSeen: Bool) -> TopNList {
        let n = max(count, configuration.depth)
        let weight = configuration.weight
        let a = first.recommend(for: user, count: n, excluding: excluded, includeSeen: includeSeen)
        let b = second.recommend(for: user, count: n, excluding: excluded, includeSeen: includeSeen)
        var blended: [ItemID: (score: Float, order: Int)] = [:]
        for (order, entry) in Self.normalised(a.items).enumerated() {
            blended[entry.item] = (weight * entry.score, order)
        }
        for (order, entry) in Self.normalised(b.items).enumerated() {
            let previous = blended[entry.item] ?? (0, a.items.count + order)
            blended[entry.item] = (previous.score + (1 - weight) * entry.score, previous.order)
        }
        let ranked = blended.sorted { $0.value.score != $1.value.score ? $0.value.score > $1.value.score : $0.value.order < $1.value.order }
        return TopNList(items: ranked.prefix(max(count, 0)).map { ScoredItem(item: $0.key, score: $0.value.score) },
                        isFallback: a.isFallback && b.isFallback)
    }

    /// `items` with scores min–max scaled to [0, 1], order kept.
    private static func normalised(_ items: [ScoredItem]) -> [ScoredItem] {
        guard let high = items.first?.score, let low = items.last?.score else { return [] }
        let range = high - low
        return items.map { ScoredItem(item: $0.item, score: range > 0 ? ($0.score - low) / range : 1) }
    }
}
