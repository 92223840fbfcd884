/// One Stanford Sentiment Treebank tree line, e.g. `(3 (2 It) (4 (4 shines) (2 .)))`: the label and text of
/// every node, the root (the whole sentence) last.
struct SentimentTree: Sendable, Hashable {
    /// One node of the tree: the words under it and the label annotators gave that phrase.
    struct Phrase: Sendable, Hashable {
        /// 0 very negative … 4 very positive.
        var label: Int
        /// The node's leaves joined by single spaces, PTB escapes undone.
        var text: String
    }

    /// Every node's phrase in post-order (children before their parent, left before right), so the root's
    /// phrase is last; a single word appears once per leaf node.
    var phrases: [Phrase]

    /// The root's label, 0…4.
    var rootLabel: Int { phrases[phrases.count - 1].label }
    /// The whole sentence: the root's phrase.
    var sentence: String { phrases[phrases.count - 1].text }

    /// PTB escapes in SST's leaves and what they stand for.
    private static let escapes = [("-LRB-", "("), ("-RRB-", ")"), ("\\/", "/"), ("\\*", "*")]

    /// Parses `text`; `file` and `line` are for the error message.
    /// - Throws: ``ImportError`` `.badRow` when the parentheses do not balance, a node has no words, or a label is
    ///   not 0…4.
    /// - Complexity: O(nodes × sentence length) for the phrases' texts.
    init(parsing text: String, file: String, line: Int) throws(ImportError) {
        let tokens = text.replacingOccurrences(of: "(", with: " ( ").replacingOccurrences(of: ")", with: " ) ")
            .split(separator: " ")
        let malformed = ImportError(.badRow, "\(file) line \(line): expected one tree \"(label (label word) …)\" "
            + "with balanced parentheses")
        // The open nodes, outermost first: each one's label and the words read under it so far.
        var open: [(label: Int?, words: [String])] = []
        var phrases: [Phrase] = []
        for (index, token) in tokens.enumerated() {
            switch token {
            case "(":
                guard index == 0 || !open.isEmpty else { throw malformed }
                open.append((nil, []))
            case ")":
                guard let node = open.popLast(), let label = node.label, !node.words.isEmpty else { throw malformed }
                phrases.append(Phrase(label: label, text: node.words.joined(separator: " ")))
                if !open.isEmpty { open[open.count - 1].words += node.words }
            default:
                guard !open.isEmpty else { throw malformed }
                if tokens[index - 1] == "(" {
                    guard let label = Int(token), (0...4).contains(label) else {
                        throw ImportError(.badRow, "\(file) line \(line): node label is \"\(token)\"; expected 0 to 4")
                    }
                    open[open.count - 1].label = label
                } else {
                    open[open.count - 1].words.append(Self.unescaped(token))
                }
            }
        }
        guard open.isEmpty, !phrases.isEmpty, tokens.first == "(" else { throw malformed }
        self.phrases = phrases
    }

    /// `word` with its PTB escapes undone.
    private static func unescaped(_ word: Substring) -> String {
        var word = String(word)
        for (escaped, plain) in escapes { word = word.replacingOccurrences(of: escaped, with: plain) }
        return word
    }
}
