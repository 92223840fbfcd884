import Foundation

/// A pseudonymous summary of what a user likes: themes (genres, keywords of liked items), an optional mood and,
/// only where the operator allows review text in prompts (``OpenAIChatConfiguration/includesReviews``), excerpts
/// of the user's own reviews. It carries no user id or name, so it may go into a language-model prompt.
public struct InterestSummary: Sendable, Hashable, Codable {
    /// Longest review excerpt kept, in characters.
    public static let maximumReviewLength = 300
    /// Most review excerpts kept.
    public static let maximumReviews = 3

    /// Themes the user likes, strongest first, e.g. `["Horror", "Thriller"]`.
    public var themes: [String]
    /// The user's stated mood, e.g. `"something funny and light"`; `nil` when not given.
    public var mood: String?
    /// The user's own review texts, newest first; empty unless the operator allows review text in prompts.
    public var reviews: [String]

    /// Creates a summary; themes are trimmed, empty ones dropped, repeats (case-insensitive) kept once; reviews
    /// are trimmed, empty ones dropped, the first ``maximumReviews`` kept, each cut to ``maximumReviewLength``.
    public init(themes: [String], mood: String? = nil, reviews: [String] = []) {
        var seen = Set<String>()
        self.themes = themes.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter {
            !$0.isEmpty && seen.insert($0.lowercased()).inserted
        }
        let trimmed = mood?.trimmingCharacters(in: .whitespacesAndNewlines)
        self.mood = trimmed?.isEmpty == false ? trimmed : nil
        self.reviews = Array(reviews.map { String($0.trimmingCharacters(in: .whitespacesAndNewlines).prefix(Self.maximumReviewLength)) }
            .filter { !$0.isEmpty }.prefix(Self.maximumReviews))
    }

    /// The summary without review text.
    public var withoutReviews: InterestSummary { InterestSummary(themes: themes, mood: mood) }

    /// A stable 64-bit FNV-1a hash of the themes, mood and reviews, in hex: the cache key part that says "same
    /// interests".
    public var fingerprint: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        let reviewPart = reviews.isEmpty ? "" : "\u{1E}" + reviews.joined(separator: "\u{1F}")
        for byte in (themes.joined(separator: "\u{1F}") + "\u{1E}" + (mood ?? "") + reviewPart).utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return String(hash, radix: 16)
    }

    /// Lower-cased content words of the themes and mood, for lexical matching.
    var terms: Set<String> {
        Set(([mood ?? ""] + themes).flatMap(TextWords.contentWords))
    }
}
