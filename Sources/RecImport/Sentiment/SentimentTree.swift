/// One Stanford Sentiment Treebank tree line, e.g. `(3 (2 It) (4 (4 shines) (2 .)))`: the root's label
/// (0 very negative … 4 very positive) and the sentence at its leaves.
struct SentimentTree: Sendable, Hashable {
    /// The root's label, 0…4.
    var rootLabel: Int
    /// The leaves joined by single spaces, PTB escapes undone.
    var sentence: String

    /// PTB escapes in SST's leaves and what they stand for.
    private static let escapes = [("-LRB-", "("), ("-RRB-", ")"), ("\\/", "/"), ("\\*", "*")]

    /// Parses `text`; `file` and `line` are for the error message.
    /// - Throws: ``ImportError`` `.badRow` when the parentheses do not balance or a label is not 0…4.
    init(parsing text: String, file: String, line: Int) throws(ImportError) {
        let tokens = text.replacingOccurrences(of: "(", with: " ( ").replacingOccurrences(of: ")", with: " ) ")
            .split(separator: " ")
        let malformed = ImportError(.badRow, "\(file) line \(line): expected one tree \"(label (label word) …)\" "
            + "with balanced parentheses")
        var depth = 0
        var words: [Substring] = []
        var rootLabel: Int?
        for (index, token) in tokens.enumerated() {
            switch token {
            case "(": depth += 1
            case ")": depth -= 1
            default:
                if index > 0, tokens[index - 1] == "(" {
                    guard let label = Int(token), (0...4).contains(label) else {
                        throw ImportError(.badRow, "\(file) line \(line): node label is \"\(token)\"; expected 0 to 4")
                    }
                    if rootLabel == nil { rootLabel = label }
                } else {
                    words.append(token)
                }
            }
            guard depth > 0 || (depth == 0 && index == tokens.count - 1) else { throw malformed }
        }
        guard depth == 0, let rootLabel, !words.isEmpty else { throw malformed }
        var sentence = words.joined(separator: " ")
        for (escaped, plain) in Self.escapes { sentence = sentence.replacingOccurrences(of: escaped, with: plain) }
        self.rootLabel = rootLabel
        self.sentence = sentence
    }
}
