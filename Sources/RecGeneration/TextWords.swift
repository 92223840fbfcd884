import Foundation

/// Splitting of short English texts into sentences and words, shared by the offline generator and the
/// faithfulness check so both see the same words.
enum TextWords {
    /// Words too common to say anything about a film or a taste.
    static let stopwords: Set<String> = [
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "has", "have", "he", "her", "his",
        "i", "in", "into", "is", "it", "its", "me", "my", "of", "on", "or", "she", "so", "some", "something",
        "that", "the", "their", "them", "they", "this", "to", "up", "was", "we", "when", "who", "with", "you",
        "your", "after", "about", "film", "movie", "want", "like", "feel", "mood", "watch", "tonight", "one",
    ]

    /// The words of `text`: maximal runs of letters, digits, apostrophes and inner hyphens, in order.
    static func words(_ text: String) -> [Substring] {
        text.split { !($0.isLetter || $0.isNumber || $0 == "'" || $0 == "’" || $0 == "-") }
            .map { $0.drop { $0 == "'" || $0 == "’" || $0 == "-" } }
            .filter { !$0.isEmpty }
    }

    /// Lower-cased words of `text` without stopwords and one-letter words.
    static func contentWords(_ text: String) -> [String] {
        words(text).map { $0.lowercased() }.filter { $0.count > 1 && !stopwords.contains($0) }
    }

    /// The sentences of `text`: split after `.`, `!`, `?` or `…` followed by white space, and at line breaks;
    /// trimmed, empty ones dropped.
    static func sentences(_ text: String) -> [String] { split(text, after: ".!?…") }

    /// The clauses of `text`: its ``sentences(_:)`` further split after a colon followed by white space, where
    /// a capitalised word may start a clause ("For fans of horror: The …").
    static func clauses(_ text: String) -> [String] { split(text, after: ".!?…:") }

    private static func split(_ text: String, after terminators: String) -> [String] {
        var sentences: [String] = []
        var current = ""
        var previous: Character = " "
        for character in text {
            if character.isNewline || (character.isWhitespace && terminators.contains(previous)) {
                sentences.append(current)
                current = ""
            } else {
                current.append(character)
            }
            previous = character
        }
        sentences.append(current)
        return sentences.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }
}
