/// One text's words and the facts VADER's rules look up about them.
struct VADERSentence {
    /// The tokens after punctuation stripping, in their original case.
    var words: [CodePoints]
    /// The same tokens lowercased as Python's `str.lower()` does.
    var lowered: [CodePoints]
    /// Whether some but not all words are ALL CAPS.
    var isCapitalDifferential: Bool
}
