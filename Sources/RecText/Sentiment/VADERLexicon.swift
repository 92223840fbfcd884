import Foundation

/// VADER's two word lists: token valences and emoji descriptions, parsed as vaderSentiment parses them.
struct VADERLexicon: Sendable {
    /// Mean valence of each token (-4...4), keyed by its code points; a later duplicate line wins, as in Python.
    var valences: [CodePoints: Double]
    /// The description that replaces each emoji. Only single-code-point emojis can match, because vaderSentiment
    /// looks up one code point at a time.
    var emojiDescriptions: [Unicode.Scalar: CodePoints]
    /// The smallest emoji code point; smaller ones (all of ASCII) skip the dictionary lookup.
    var smallestEmoji: UInt32

    /// Loads `vader_lexicon.txt` and `emoji_utf8_lexicon.txt` from the target's `Resources` folder.
    /// - Throws: `SentimentError` `.missingLexicon` if a file is not bundled, `.invalidLexicon` if a line is malformed;
    ///   the file system's error if a file cannot be read as UTF-8.
    static func bundled() throws -> VADERLexicon {
        try VADERLexicon(lexicon: bundledFile("vader_lexicon"), emojiLexicon: bundledFile("emoji_utf8_lexicon"))
    }

    /// Parses the contents of the two lexicon files (`token<TAB>value…` and `emoji<TAB>description`).
    /// - Throws: `SentimentError` `.invalidLexicon` naming the file, line and content of a malformed line.
    init(lexicon: String, emojiLexicon: String) throws {
        valences = [:]
        for (number, fields) in try Self.lines(of: lexicon, file: "vader_lexicon.txt") {
            guard let valence = Double(String(String.UnicodeScalarView(fields[1]))) else {
                throw SentimentError(.invalidLexicon, "vader_lexicon.txt line \(number): valence is "
                                     + "\"\(String(String.UnicodeScalarView(fields[1])))\"; expected a number")
            }
            valences[fields[0]] = valence
        }
        emojiDescriptions = [:]
        for (_, fields) in try Self.lines(of: emojiLexicon, file: "emoji_utf8_lexicon.txt") where fields[0].count == 1 {
            emojiDescriptions[fields[0][0]] = fields[1]
        }
        smallestEmoji = emojiDescriptions.keys.map(\.value).min() ?? UInt32.max
    }

    /// The first two tab-separated fields of every non-empty line, with 1-based line numbers: Python's
    /// `text.rstrip('\n').split('\n')`, then `line.strip().split('\t')[0:2]`.
    private static func lines(of text: String, file: String) throws -> [(Int, [CodePoints])] {
        var result: [(Int, [CodePoints])] = []
        let lines = CodePoints(text).trimmingSuffix { $0 == "\n" }.split(separator: "\n", omittingEmptySubsequences: false)
        for (offset, line) in lines.enumerated() where !line.isEmpty {
            let fields = Array(line).trimming(where: \.isPythonWhitespace)
                .split(separator: "\t", omittingEmptySubsequences: false).prefix(2).map(Array.init)
            guard fields.count == 2 else {
                throw SentimentError(.invalidLexicon, "\(file) line \(offset + 1): "
                                     + "\"\(String(String.UnicodeScalarView(line)))\"; expected token<TAB>value")
            }
            result.append((offset + 1, fields))
        }
        return result
    }

    private static func bundledFile(_ name: String) throws -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Resources") else {
            throw SentimentError(.missingLexicon, "\(name).txt is not in RecText's resource bundle "
                                 + "(\(Bundle.module.bundlePath)); rebuild so SwiftPM copies Sentiment/Resources")
        }
        return try String(contentsOf: url, encoding: .utf8)
    }
}

extension Array where Element == Unicode.Scalar {
    /// The code points without the trailing run where `shouldStrip` holds (Python's `rstrip(chars)`).
    fileprivate func trimmingSuffix(where shouldStrip: (Unicode.Scalar) -> Bool) -> ArraySlice<Unicode.Scalar> {
        self[..<((lastIndex { !shouldStrip($0) }).map { $0 + 1 } ?? 0)]
    }
}
