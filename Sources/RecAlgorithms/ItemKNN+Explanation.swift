import RecCore

extension ItemKNN {
    /// The score of `item` for a user with `history` (item → interaction value), split into the neighbours that
    /// produced it: item j contributes value_j · sim(j, item) when `item` is in j's neighbour list, the terms
    /// ``recommend(forHistory:count:excluding:)`` adds up, so the contributions sum to the score it serves.
    /// - Parameters:
    ///   - item: the recommended item.
    ///   - history: the user's items and values, as given to the fold-in.
    ///   - count: how many contributions to list; the rest are summed into ``ScoreExplanation/remainder``.
    /// - Returns: `nil` when `item` or every history item is unknown to the model.
    /// - Complexity: O(|history| × k) for neighbour lists of k items.
    public func explain(_ item: ItemID, history: [ItemID: Float], count: Int) -> ScoreExplanation? {
        guard let target = self.history.items.index(of: item) else { return nil }
        var anyKnown = false
        var contributions: [ScoredItem] = []
        for (id, value) in history where value.isFinite {
            guard let j = self.history.items.index(of: id) else { continue }
            anyKnown = true
            let span = neighbours.indices[neighbours.offsets[j]..<neighbours.offsets[j + 1]]
            guard let entry = span.firstIndex(of: Int32(target)) else { continue }
            contributions.append(ScoredItem(item: id, score: value * neighbours.values[entry]))
        }
        return anyKnown ? ScoreExplanation(contributions: contributions, keeping: count) : nil
    }
}
