/// The sentiment of one text as VADER reports it.
///
/// `negative`, `neutral` and `positive` are the proportions of the text's sentiment mass in each class (they sum to
/// about 1); `compound` is the normalised, rule-adjusted sum of word valences, from -1 (most negative) to +1 (most
/// positive). Like vaderSentiment's `polarity_scores`, the proportions are rounded to 3 decimals and `compound` to 4.
public struct SentimentScores: Sendable, Codable, Equatable, Hashable {
    /// Share of negative sentiment, 0...1, 3 decimals.
    public var negative: Double
    /// Share of words without sentiment, 0...1, 3 decimals.
    public var neutral: Double
    /// Share of positive sentiment, 0...1, 3 decimals.
    public var positive: Double
    /// Overall sentiment, -1...1, 4 decimals.
    public var compound: Double

    /// Creates scores from their four values, taken as given.
    public init(negative: Double, neutral: Double, positive: Double, compound: Double) {
        self.negative = negative
        self.neutral = neutral
        self.positive = positive
        self.compound = compound
    }

    /// The scores of a text with no words: all zero.
    public static let zero = SentimentScores(negative: 0, neutral: 0, positive: 0, compound: 0)
}
