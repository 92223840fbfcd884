import RecText

/// What `marquee sentiment` says about a text.
public struct SentimentReport: Sendable, Hashable {
    /// The four VADER scores.
    public var scores: SentimentScores
    /// VADER's conventional reading of the compound score: positive at ≥ 0.05, negative at ≤ −0.05,
    /// neutral between (Hutto & Gilbert's recommended thresholds).
    public var label: String {
        scores.compound >= 0.05 ? "positive" : scores.compound <= -0.05 ? "negative" : "neutral"
    }

    /// One line: label, then compound and the three proportions.
    public var text: String {
        "\(label) (VADER compound \(TextTable.fixed(scores.compound, digits: 4)); positive \(TextTable.fixed(scores.positive, digits: 3)), "
            + "neutral \(TextTable.fixed(scores.neutral, digits: 3)), negative \(TextTable.fixed(scores.negative, digits: 3)))"
    }
}

/// `marquee sentiment`: the sentiment of a review or comment, by the bundled VADER port.
public enum SentimentAnalysis {
    /// Scores `text` with VADER.
    /// - Throws: ``RecText/SentimentError`` if the bundled lexicon cannot be read.
    /// - Complexity: O(length of text).
    public static func analyze(_ text: String) throws -> SentimentReport {
        SentimentReport(scores: try VADER().scores(text))
    }
}
