/// A trained model that ranks items for a user.
public protocol TopNRecommender: Sendable {
    /// Best-first items for `user`, never including `excluded`.
    func recommend(for user: UserID, count: Int, excluding excluded: Set<ItemID>) -> [ScoredItem]
}
