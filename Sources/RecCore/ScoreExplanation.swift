/// Why a model scored an item as it did for one user: the score split into the contributions of the user's
/// own items, each contribution being that item's exact share of the score.
///
/// The contributions listed and ``remainder`` add up to ``score``: the list holds the largest contributions,
/// the remainder all the others (0 when every contributing item is listed).
public struct ScoreExplanation: Sendable, Hashable, Codable {
    /// The score the model serves for the item, e.g. y_i·x_u for ALS.
    public var score: Float
    /// The user's items with their share of ``score``, largest first (shares may be negative).
    public var contributions: [ScoredItem]
    /// The sum of the contributions of the items not listed.
    public var remainder: Float

    /// Creates an explanation.
    public init(score: Float, contributions: [ScoredItem], remainder: Float) {
        self.score = score
        self.contributions = contributions
        self.remainder = remainder
    }

    /// An explanation keeping the `count` largest of `all` contributions and summing the rest into ``remainder``;
    /// ``score`` is the sum of all of them. Ties keep item id order.
    /// - Complexity: O(n log n) for n contributions.
    public init(contributions all: [ScoredItem], keeping count: Int) {
        let sorted = all.sorted { $0.score != $1.score ? $0.score > $1.score : $0.item < $1.item }
        let kept = Array(sorted.prefix(max(count, 0)))
        var total: Double = 0
        for entry in all { total += Double(entry.score) }
        var rest: Double = 0
        for entry in sorted.dropFirst(kept.count) { rest += Double(entry.score) }
        self.init(score: Float(total), contributions: kept, remainder: Float(rest))
    }
}
