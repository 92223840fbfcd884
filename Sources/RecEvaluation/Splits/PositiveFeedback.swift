import RecCore

/// Which interactions count as positive feedback for top-N evaluation.
///
/// A `.rating` is positive when its value is at least ``minimumRating`` (4 on MovieLens' 1…5 stars;
/// 4.0 on half-star data, so 3.5 is not); `.like` and `.watched` are always positive; `.dislike`,
/// `.skipped` and ratings without a value never are.
public struct PositiveFeedback: Sendable, Hashable, Codable {
    /// The lowest rating that counts as positive.
    public var minimumRating: Float

    /// Creates the rule.
    public init(minimumRating: Float = 4) {
        self.minimumRating = minimumRating
    }

    /// The rule for a data set on `scale`: ratings of at least 80 % of the scale's maximum are positive
    /// (4 of 5 stars, 4.0 of 5 half stars, 8 of 10).
    public init(scale: RatingScale) {
        self.init(minimumRating: scale.maximum * 0.8)
    }

    /// Whether `interaction` is positive under this rule.
    public func isPositive(_ interaction: Interaction) -> Bool {
        switch interaction.kind {
        case .rating: interaction.value.map { $0 >= minimumRating } ?? false
        case .like, .watched: true
        case .dislike, .skipped: false
        }
    }

    /// The positive interactions, one per (user, item) pair, with value 1, in input order.
    ///
    /// When a pair is positive more than once, the first occurrence stays and takes the earliest
    /// timestamp among them (an unknown timestamp counts as earliest).
    /// - Complexity: O(n) time and O(positives) memory.
    public func positives(in interactions: [Interaction]) -> [Interaction] {
        struct Pair: Hashable { var user: UserID; var item: ItemID }
        var kept: [Interaction] = []
        var position: [Pair: Int] = [:]
        for interaction in interactions where isPositive(interaction) {
            var positive = interaction
            positive.value = 1
            let pair = Pair(user: interaction.user, item: interaction.item)
            if let index = position[pair] {
                kept[index].timestamp = Self.earlier(kept[index].timestamp, positive.timestamp)
            } else {
                position[pair] = kept.count
                kept.append(positive)
            }
        }
        return kept
    }

    private static func earlier(_ a: Int64?, _ b: Int64?) -> Int64? {
        guard let a, let b else { return nil }
        return min(a, b)
    }
}
