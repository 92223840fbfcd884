import RecText

/// What `marquee sentiment` says about a text: the trained classifier's verdict when one is stored, and
/// VADER's scores always.
public struct SentimentReport: Sendable, Hashable {
    /// The four VADER scores.
    public var scores: SentimentScores
    /// The stored classifier's probability that the text is positive, or `nil` when none is trained.
    public var probability: Float?
    /// Where the classifier came from (`sentiment-classifier v3`), or why there is none.
    public var classifierNote: String

    /// VADER's conventional reading of the compound score: positive at ≥ 0.05, negative at ≤ −0.05,
    /// neutral between (Hutto & Gilbert's recommended thresholds).
    public var vaderLabel: String {
        scores.compound >= 0.05 ? "positive" : scores.compound <= -0.05 ? "negative" : "neutral"
    }

    /// Two lines: the classifier's label and probability (or the note saying how to train one), then VADER's
    /// label, compound and the three proportions.
    public var text: String {
        let classifier = probability.map {
            "\($0 >= 0.5 ? "positive" : "negative") (classifier probability of positive \(TextTable.fixed(Double($0), digits: 4)); \(classifierNote))"
        } ?? classifierNote
        return classifier + "\n"
            + "VADER: \(vaderLabel) (compound \(TextTable.fixed(scores.compound, digits: 4)); positive \(TextTable.fixed(scores.positive, digits: 3)), "
            + "neutral \(TextTable.fixed(scores.neutral, digits: 3)), negative \(TextTable.fixed(scores.negative, digits: 3)))"
    }
}
