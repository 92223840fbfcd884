/// A trained model that predicts the rating a user would give an item.
///
/// Conforming models never crash on ids they were not trained on: they fall back to the item's or
/// user's baseline, then to the global mean, and always return a finite value clipped to their scale.
public protocol RatingPredictor: Sendable {
    /// The scale predictions are clipped to.
    var scale: RatingScale { get }
    /// Predicted rating of `item` by `user`, on ``scale``.
    func predict(user: UserID, item: ItemID) -> Float
}

extension RatingPredictor {
    /// Predictions for many pairs, in order.
    /// - Complexity: O(pairs × cost of one prediction).
    public func predict(_ pairs: [(user: UserID, item: ItemID)]) -> [Float] {
        pairs.map { predict(user: $0.user, item: $0.item) }
    }

    /// Best-first items for `user` among `candidates` by predicted rating, never including `excluded`.
    /// Ties keep candidate order.
    /// - Complexity: O(candidates × cost of one prediction + candidates log candidates).
    public func recommend(for user: UserID, among candidates: [ItemID], count: Int,
                          excluding excluded: Set<ItemID> = []) -> [ScoredItem] {
        let scored = candidates.enumerated().compactMap { offset, item -> (Int, ScoredItem)? in
            excluded.contains(item) ? nil : (offset, ScoredItem(item: item, score: predict(user: user, item: item)))
        }
        return scored.sorted { $0.1.score != $1.1.score ? $0.1.score > $1.1.score : $0.0 < $1.0 }
            .prefix(max(0, count)).map(\.1)
    }
}
