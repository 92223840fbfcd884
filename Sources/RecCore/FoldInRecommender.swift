/// A top-N model that can serve someone absent from its training data from their interactions alone,
/// without retraining: ALS solves one least-squares step for the new user's vector, MF/BPR run a few
/// SGD steps on it, item-kNN scores neighbours of the given items. The server uses it so that feedback
/// changes a user's recommendations at once.
public protocol FoldInRecommender: TopNRecommender {
    /// Best-first items for a user whose history is `history` (item → interaction value, e.g. 1 for a
    /// watch or a confidence weight), never including `excluded` or the items in `history`.
    /// Items unknown to the model are ignored; an empty or wholly unknown history gets the popularity
    /// fallback with `isFallback` set.
    func recommend(forHistory history: [ItemID: Float], count: Int, excluding excluded: Set<ItemID>) -> TopNList
}
