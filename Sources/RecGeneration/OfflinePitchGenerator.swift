import Foundation

/// A deterministic pitch built only from the item's catalogue text: it leads with the user's themes the item
/// matches, names the item, and adds the tagline and overview sentences most related to the user's interests
/// and mood, in their original order.
///
/// Relatedness is lexical overlap (shared content words with the themes and mood) unless a ``Relatedness``
/// function is given, e.g. the cosine between sentence and interest embeddings computed by the caller. Every
/// word of the result comes from the item's facts or from the fixed phrases "For your taste in", "a", "an",
/// "and", "film", so the text passes ``FaithfulnessCheck``.
public struct OfflinePitchGenerator: PitchGenerator {
    /// How related a sentence of the item's text is to a user's interests; larger is more related.
    public typealias Relatedness = @Sendable (_ sentence: String, _ interests: InterestSummary) -> Double

    /// Most catalogue sentences a pitch quotes.
    public var maximumSentences: Int
    /// Most matching themes the lead names.
    public var maximumThemes: Int
    private let relatedness: Relatedness?

    /// Creates a generator.
    /// - Parameters:
    ///   - maximumSentences: most tagline/overview sentences quoted (default 2).
    ///   - maximumThemes: most matching themes named in the lead (default 3).
    ///   - relatedness: scores a sentence against the interests; `nil` uses lexical overlap.
    public init(maximumSentences: Int = 2, maximumThemes: Int = 3, relatedness: Relatedness? = nil) {
        self.maximumSentences = maximumSentences
        self.maximumThemes = maximumThemes
        self.relatedness = relatedness
    }

    /// The pitch; should the quoted sentences ever fail ``FaithfulnessCheck`` (a sentence split inside a name),
    /// the pitch is the lead and the item's identity alone, which the check always passes.
    public func pitch(for facts: PitchFacts, interests: InterestSummary) async -> Pitch {
        let full = text(for: facts, interests: interests)
        if FaithfulnessCheck().isFaithful(full, to: facts) { return Pitch(text: full, generator: .offline) }
        return Pitch(text: text(for: facts, interests: interests, quoting: false), generator: .offline)
    }

    /// The pitch text; the same inputs always give the same text.
    /// - Complexity: O(length of the item's text × sentences).
    public func text(for facts: PitchFacts, interests: InterestSummary) -> String {
        text(for: facts, interests: interests, quoting: true)
    }

    private func text(for facts: PitchFacts, interests: InterestSummary, quoting: Bool) -> String {
        let themes = matchingThemes(facts, interests)
        let lead = themes.isEmpty ? "" : "For your taste in \(EnglishList.joined(themes)): "
        var identity = facts.title
        if let year = facts.year { identity += " (\(year))" }
        if !facts.genres.isEmpty {
            let genres = EnglishList.joined(facts.genres)
            let article = "aeiouAEIOU".contains(genres.first ?? "x") ? "an" : "a"
            identity += ", \(article) \(genres) film"
        }
        let quoted = quoting ? relatedSentences(facts, interests) : []
        return ([lead + identity + "."] + quoted).joined(separator: " ")
    }

    /// The user's themes that the item's genres or keywords hold, in the user's order, spelled as the item spells them.
    func matchingThemes(_ facts: PitchFacts, _ interests: InterestSummary) -> [String] {
        let labels = facts.genres + facts.keywords
        let byKey = Dictionary(labels.map { ($0.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        return Array(interests.themes.compactMap { byKey[$0.lowercased()] }.prefix(maximumThemes))
    }

    /// Up to ``maximumSentences`` of the tagline and overview sentences, the most related first chosen, returned
    /// in text order; ties keep text order. Each ends with a full stop, question or exclamation mark.
    func relatedSentences(_ facts: PitchFacts, _ interests: InterestSummary) -> [String] {
        let tagline = facts.tagline.trimmingCharacters(in: .whitespacesAndNewlines)
        let candidates = (tagline.isEmpty ? [] : [tagline]) + TextWords.sentences(facts.overview)
        let terms = interests.terms
        let scores = candidates.map { sentence in
            relatedness?(sentence, interests) ?? Double(Set(TextWords.contentWords(sentence)).intersection(terms).count)
        }
        let chosen = candidates.indices.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
            .prefix(maximumSentences).sorted()
        return chosen.map { index in
            let sentence = candidates[index]
            return ".!?…".contains(sentence.last ?? ".") ? sentence : sentence + "."
        }
    }
}
