import Foundation

/// A pseudonymous summary of what a user likes: themes (genres, keywords of liked items) and an optional mood.
/// It carries no user id, name or review text, so it may go into a language-model prompt.
public struct InterestSummary: Sendable, Hashable, Codable {
    /// Themes the user likes, strongest first, e.g. `["Horror", "Thriller"]`.
    public var themes: [String]
    /// The user's stated mood, e.g. `"something funny and light"`; `nil` when not given.
    public var mood: String?

    /// Creates a summary; themes are trimmed, empty ones dropped, repeats (case-insensitive) kept once.
    public init(themes: [String], mood: String? = nil) {
        var seen = Set<String>()
        self.themes = themes.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter {
            !$0.isEmpty && seen.insert($0.lowercased()).inserted
        }
        let trimmed = mood?.trimmingCharacters(in: .whitespacesAndNewlines)
        self.mood = trimmed?.isEmpty == false ? trimmed : nil
    }

    /// A stable 64-bit FNV-1a hash of the themes and mood, in hex: the cache key part that says "same interests".
    public var fingerprint: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in (themes.joined(separator: "\u{1F}") + "\u{1E}" + (mood ?? "")).utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return String(hash, radix: 16)
    }

    /// Lower-cased content words of the themes and mood, for lexical matching.
    var terms: Set<String> {
        Set(([mood ?? ""] + themes).flatMap(TextWords.contentWords))
    }
}
