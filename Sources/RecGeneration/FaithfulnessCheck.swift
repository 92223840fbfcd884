/// Checks that a generated text invents nothing about an item: every year, genre and capitalised name it
/// mentions must appear in the item's catalogue facts (``PitchFacts``).
///
/// - Years: four-digit numbers from 1870 to 2099 (also "1990s") must be the item's year or occur in its text.
/// - Genres: any genre of ``knownGenres`` the text names (case-insensitive, whole words) must be one of the
///   item's genres or occur in its text.
/// - Names: capitalised words must occur (case-insensitive) in the item's facts. The first word of a sentence,
///   line or clause after a colon is exempt when it is a common sentence opener, and otherwise checked only when
///   the next word is capitalised too (the start of a multi-word name).
///
/// It checks named things only: a plot summary invented without names, years or genres passes.
public struct FaithfulnessCheck: Sendable {
    /// One thing a text mentions that the facts do not hold.
    public struct Violation: Sendable, Hashable, Codable, CustomStringConvertible {
        /// What kind of mention.
        public enum Kind: String, Sendable, Codable { case year, genre, name }
        /// What kind of mention.
        public var kind: Kind
        /// The mention as the text spells it.
        public var text: String
        public var description: String { "\(kind.rawValue) '\(text)'" }
    }

    /// Genre names of MovieLens, MovieTweetings and TMDB, lower-cased.
    public static let knownGenres: [String] = [
        "action", "adventure", "animation", "biography", "children's", "comedy", "crime", "documentary", "drama",
        "family", "fantasy", "film-noir", "game-show", "history", "horror", "imax", "musical", "mystery", "news",
        "reality-tv", "romance", "sci-fi", "science fiction", "short", "sport", "talk-show", "thriller", "tv movie",
        "war", "western",
    ]

    /// Sentence openers that are not names.
    static let openers: Set<String> = [
        "a", "after", "all", "also", "an", "and", "anyone", "as", "at", "before", "both", "but", "discover", "each",
        "enjoy", "every", "expect", "fans", "follow", "for", "from", "get", "great", "here", "his", "her", "if",
        "imagine", "in", "it", "it's", "its", "join", "just", "meet", "now", "on", "once", "one", "our", "perfect",
        "ready", "so", "set", "some", "that", "the", "their", "then", "there", "these", "this", "those", "when",
        "what", "while", "with", "without", "yet", "you", "you'll", "you're", "your", "because", "since", "whether",
    ]

    /// First-person words that are capitalised anywhere ("I", "I'll").
    static let pronouns: Set<String> = ["i", "i'm", "i'll", "i've", "i'd", "i’m", "i’ll", "i’ve", "i’d"]

    private let genres: [[String]]

    /// A check against the given genre vocabulary.
    public init(genres: [String] = FaithfulnessCheck.knownGenres) {
        self.genres = genres.map { TextWords.words($0.lowercased()).map(String.init) }
    }

    /// Whether `text` mentions nothing outside `facts`.
    public func isFaithful(_ text: String, to facts: PitchFacts) -> Bool { violations(in: text, facts: facts).isEmpty }

    /// Every mention in `text` that `facts` do not hold, in text order (years, then genres, then names).
    /// - Complexity: O(words of the text × (genres + 1)) after O(length of the facts) to index them.
    public func violations(in text: String, facts: PitchFacts) -> [Violation] {
        let known = Set(TextWords.words(facts.corpus).map { Self.stem($0.lowercased()) })
        let itemGenres = Set(facts.genres.map { TextWords.words($0.lowercased()).map(String.init) })
        let factWords = TextWords.words(facts.corpus.lowercased()).map(String.init)
        let words = TextWords.words(text)
        let lower = words.map { $0.lowercased() }
        var found: [Violation] = []
        for word in lower {
            let digits = word.hasSuffix("s") ? String(word.dropLast()) : word
            guard digits.count == 4, let year = Int(digits), (1870...2099).contains(year) else { continue }
            if year != facts.year, !known.contains(digits) { found.append(Violation(kind: .year, text: word)) }
        }
        var genreWords = Set<Int>()
        for genre in genres where !genre.isEmpty {
            let positions = Self.occurrences(of: genre, in: lower)
            guard !positions.isEmpty else { continue }
            for start in positions { genreWords.formUnion(start..<(start + genre.count)) }
            if !itemGenres.contains(genre), Self.occurrences(of: genre, in: factWords).isEmpty {
                found.append(Violation(kind: .genre, text: genre.joined(separator: " ")))
            }
        }
        var offset = 0
        for sentence in TextWords.clauses(text) {
            let sentenceWords = TextWords.words(sentence)
            for (index, word) in sentenceWords.enumerated() {
                defer { offset += 1 }
                guard let first = word.first, first.isUppercase, !genreWords.contains(offset) else { continue }
                if index == 0 {
                    let next = sentenceWords.dropFirst().first
                    if Self.openers.contains(word.lowercased()) || !(next?.first?.isUppercase ?? false) { continue }
                }
                if Self.pronouns.contains(word.lowercased()) || known.contains(Self.stem(word.lowercased())) { continue }
                found.append(Violation(kind: .name, text: String(word)))
            }
        }
        return found
    }

    /// `word` without a possessive "'s".
    static func stem(_ word: String) -> String {
        for suffix in ["'s", "’s"] where word.hasSuffix(suffix) { return String(word.dropLast(2)) }
        return word
    }

    /// Start positions of `phrase` as consecutive words of `words`.
    static func occurrences(of phrase: [String], in words: [String]) -> [Int] {
        guard words.count >= phrase.count else { return [] }
        return (0...(words.count - phrase.count)).filter { start in
            phrase.indices.allSatisfy { words[start + $0] == phrase[$0] }
        }
    }
}
