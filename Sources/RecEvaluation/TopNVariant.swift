import RecCore

/// One way of turning a model's candidates into a user's list, for
/// ``TopNEvaluation/evaluate(_:k:candidates:catalogue:distance:algorithm:dataset:historyWeighting:variants:fit:)``:
/// the model's own order, or a re-ranking under some dial.
public struct TopNVariant: Sendable {
    /// The name the report carries as its algorithm, e.g. `"als+popularity0.3"`.
    public var name: String
    /// The list from the user's training positives (weight 1 each) and the model's candidates, best first; only its
    /// first k items count.
    public var rerank: @Sendable (_ history: [ItemID: Float], _ candidates: [ScoredItem]) -> [ScoredItem]

    /// Creates a variant.
    public init(name: String, rerank: @escaping @Sendable (_ history: [ItemID: Float], _ candidates: [ScoredItem]) -> [ScoredItem]) {
        self.name = name
        self.rerank = rerank
    }
}
