/// A trained model that ranks items for a user (implicit feedback: clicks, watches, likes, positives).
///
/// Every conforming model:
/// - never returns an item in `excluded`, and unless `includeSeen` is set, never one the user
///   interacted with in training;
/// - answers a user it has no history for with the most popular items, and says so (``TopNList/isFallback``);
/// - returns fewer than `count` items only when fewer are left, and an empty list (not a crash) when
///   the user has seen everything.
public protocol TopNRecommender: Sendable {
    /// Best-first items for `user`.
    /// - Parameters:
    ///   - user: whom to recommend for.
    ///   - count: at most this many items.
    ///   - excluded: items never to return.
    ///   - includeSeen: whether items from the user's training history may be returned.
    func recommend(for user: UserID, count: Int, excluding excluded: Set<ItemID>, includeSeen: Bool) -> TopNList
}

extension TopNRecommender {
    /// Best-first unseen items for `user`, excluding nothing else.
    public func recommend(for user: UserID, count: Int) -> TopNList {
        recommend(for: user, count: count, excluding: [], includeSeen: false)
    }
}

/// A top-N answer: the items, best first, and whether they came from the popularity fallback.
public struct TopNList: Sendable, Hashable, Codable {
    /// Best first.
    public var items: [ScoredItem]
    /// `true` when the model had no history for the user and ranked by popularity instead.
    public var isFallback: Bool

    /// Creates a list.
    public init(items: [ScoredItem], isFallback: Bool) {
        self.items = items
        self.isFallback = isFallback
    }
}
