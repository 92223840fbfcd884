import Foundation

/// Rule-based sentiment analysis of short English texts: a port of VADER (Hutto & Gilbert, ICWSM 2014) that gives
/// the same scores as the `vaderSentiment` 3.3.2 Python package's `SentimentIntensityAnalyzer.polarity_scores`.
///
/// Each word found in the 7,500-entry lexicon contributes its valence, adjusted by the rules of the paper: preceding
/// boosters and dampeners ("very", "kind of"), negations within three words ("not", "isn't", "never so" …), ALL-CAPS
/// emphasis when only some words are capitalised, contrastive "but", "least", a few idioms, and trailing "!" / "?".
/// Emojis are first replaced by their descriptions. Texts are split on whitespace, so VADER works best on sentences.
///
/// ```swift
/// let vader = try VADER()
/// vader.scores("VADER is smart, handsome, and funny.").compound  // 0.8316
/// ```
public struct VADER: Sendable {
    let lexicon: VADERLexicon

    /// Loads the 7,500-word lexicon and the emoji lexicon bundled with `RecText`.
    /// - Throws: `SentimentError` if a lexicon file is missing from the resource bundle or malformed.
    public init() throws {
        lexicon = try VADERLexicon.bundled()
    }

    /// The sentiment of `text`, as vaderSentiment's `polarity_scores(text)`; all zero for a text without words.
    /// - Complexity: O(n log n) in the length of `text`; the "but" rule keeps a heap per distinct valence.
    public func scores(_ text: String) -> SentimentScores {
        let text = replacingEmojis(in: text)
        let words = text.splitOnPythonWhitespace().map(Self.strippingPunctuationIfWord)
        let sentence = VADERSentence(words: words, lowered: words.map { $0.pythonLowercased() },
                                isCapitalDifferential: Self.isCapitalDifferential(words))
        var sentiments: [Double] = []
        sentiments.reserveCapacity(words.count)
        for index in words.indices {
            let word = sentence.lowered[index]
            if Self.boosters[word] != nil
                || (index < words.count - 1 && word.matches("kind") && sentence.lowered[index + 1].matches("of")) {
                sentiments.append(0)
            } else {
                sentiments.append(valence(at: index, in: sentence))
            }
        }
        Self.applyContrastiveBut(sentence.lowered, to: &sentiments)
        return Self.scores(of: sentiments, text: text)
    }

    /// The text with each emoji replaced by its description, separated from a preceding non-space, then stripped.
    private func replacingEmojis(in text: String) -> CodePoints {
        var replaced = CodePoints()
        replaced.reserveCapacity(text.unicodeScalars.underestimatedCount)
        var isAfterSpace = true
        for scalar in text.unicodeScalars {
            if scalar.value >= lexicon.smallestEmoji, let description = lexicon.emojiDescriptions[scalar] {
                if !isAfterSpace { replaced.append(" ") }
                replaced.append(contentsOf: description)
                isAfterSpace = false
            } else {
                replaced.append(scalar)
                isAfterSpace = scalar == " "
            }
        }
        return replaced.trimming(where: \.isPythonWhitespace)
    }

    /// The token without leading and trailing ASCII punctuation, unless that leaves two code points or fewer (then it
    /// is probably an emoticon such as ":)" and is kept whole): `SentiText._strip_punc_if_word`.
    private static func strippingPunctuationIfWord(_ token: CodePoints) -> CodePoints {
        let stripped = token.trimming(where: \.isASCIIPunctuation)
        return stripped.count <= 2 ? token : stripped
    }

    /// Whether some but not all words are ALL CAPS (`allcap_differential`).
    private static func isCapitalDifferential(_ words: [CodePoints]) -> Bool {
        let differential = words.count - words.count { $0.isPythonUppercase }
        return 0 < differential && differential < words.count
    }

    /// The four scores from the per-word sentiments and the punctuation of `text` (`score_valence`), rounded as
    /// Python's `round` does.
    private static func scores(of sentiments: [Double], text: CodePoints) -> SentimentScores {
        guard !sentiments.isEmpty else { return .zero }
        var sum = sentiments.reduce(0, +)
        let amplifier = punctuationEmphasis(text)
        if sum > 0 {
            sum += amplifier
        } else if sum < 0 {
            sum -= amplifier
        }
        let compound = normalize(sum)
        var positiveSum = 0.0, negativeSum = 0.0, neutralCount = 0
        for sentiment in sentiments {
            if sentiment > 0 { positiveSum += sentiment + 1 }
            if sentiment < 0 { negativeSum += sentiment - 1 }
            if sentiment == 0 { neutralCount += 1 }
        }
        if positiveSum > abs(negativeSum) {
            positiveSum += amplifier
        } else if positiveSum < abs(negativeSum) {
            negativeSum -= amplifier
        }
        let total = positiveSum + abs(negativeSum) + Double(neutralCount)
        return SentimentScores(negative: roundedLikePython(abs(negativeSum / total), digits: 3),
                               neutral: roundedLikePython(abs(Double(neutralCount) / total), digits: 3),
                               positive: roundedLikePython(abs(positiveSum / total), digits: 3),
                               compound: roundedLikePython(compound, digits: 4))
    }

    /// Extra intensity from up to four "!" (0.292 each) and from two or more "?" (0.18 each, 0.96 from four on).
    private static func punctuationEmphasis(_ text: CodePoints) -> Double {
        let exclamations = min(text.count { $0 == "!" }, 4)
        let questions = text.count { $0 == "?" }
        let questionAmplifier = questions > 1 ? (questions <= 3 ? Double(questions) * 0.18 : 0.96) : 0
        return Double(exclamations) * 0.292 + questionAmplifier
    }

    /// Maps a valence sum into -1...1 as `score / sqrt(score² + 15)`.
    private static func normalize(_ score: Double) -> Double {
        min(max(score / (score * score + 15).squareRoot(), -1), 1)
    }

    /// `value` rounded to `digits` decimals as Python's `round` does: the decimal nearest the exact binary value, ties
    /// to even, read back as the nearest `Double`. glibc's and Darwin's `printf` round exactly the same way.
    private static func roundedLikePython(_ value: Double, digits: Int) -> Double {
        Double(String(format: "%.\(digits)f", value)) ?? value
    }
}
