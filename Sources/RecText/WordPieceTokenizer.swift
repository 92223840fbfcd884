import Foundation

/// BERT's uncased WordPiece tokenizer, matching Hugging Face's `BertTokenizer` (the `tokenizers` fast
/// implementation used by sentence-transformers) id for id.
///
/// A text is cleaned (control characters dropped, every whitespace character made a space), CJK ideographs
/// are split off as words of their own, accents are stripped (NFD, then nonspacing marks dropped) and the
/// text lowercased; it is then split on whitespace and punctuation, and each word becomes the greedy
/// longest-match word pieces of the vocabulary (`##` marks a piece continuing a word), or `[UNK]` when a
/// word has more than ``maxCharactersPerWord`` characters or cannot be spelled from the vocabulary.
public struct WordPieceTokenizer: Sendable {
    /// Token id of `[CLS]`, which starts every sequence.
    public let classifierID: Int32
    /// Token id of `[SEP]`, which ends every sequence.
    public let separatorID: Int32
    /// Token id of `[UNK]`, standing for a word the vocabulary cannot spell.
    public let unknownID: Int32
    /// Words longer than this many Unicode scalars become `[UNK]` without being split.
    public let maxCharactersPerWord: Int
    /// Number of tokens in the vocabulary.
    public var vocabularySize: Int { vocabulary.count }

    /// Token ids by token text, word-continuing pieces carrying their `##` prefix.
    let vocabulary: [String: Int32]

    /// Creates a tokenizer over `tokens`, whose positions are the ids.
    /// - Throws: `TextError.invalidModel` when `[CLS]`, `[SEP]` or `[UNK]` is missing; `source` names the file.
    public init(tokens: [String], maxCharactersPerWord: Int = 100, source: String = "vocabulary") throws {
        var vocabulary = [String: Int32](minimumCapacity: tokens.count)
        for (id, token) in tokens.enumerated() where vocabulary[token] == nil { vocabulary[token] = Int32(id) }
        func id(_ token: String) throws -> Int32 {
            guard let id = vocabulary[token] else {
                throw TextError.invalidModel(source, "the vocabulary has no \(token) token")
            }
            return id
        }
        self.vocabulary = vocabulary
        self.classifierID = try id("[CLS]")
        self.separatorID = try id("[SEP]")
        self.unknownID = try id("[UNK]")
        self.maxCharactersPerWord = maxCharactersPerWord
    }

    /// Loads `vocab.txt`: one token a line, the line number (from 0) being its id.
    /// - Throws: `TextError.missingModel` when the file does not exist; `.invalidModel` when it is unreadable
    ///   or lacks the special tokens.
    public init(vocabularyFile url: URL) throws {
        guard FileManager.default.fileExists(atPath: url.path) else { throw TextError.missingModel(url.path) }
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw TextError.invalidModel(url.path, "not readable as UTF-8 text", underlying: error)
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
        if lines.last == "" { lines.removeLast() }
        try self.init(tokens: lines, source: url.path)
    }

    /// The ids of `[CLS]`, the word pieces of `text` and `[SEP]`, keeping the first `maxLength − 2` pieces.
    /// - Precondition: `maxLength ≥ 2`.
    /// - Complexity: O(n + w·c²) for n scalars in the text and words of at most c ≤ ``maxCharactersPerWord``
    ///   scalars; tokenizing stops once `maxLength − 2` pieces are found.
    public func encode(_ text: String, maxLength: Int) -> [Int32] {
        tokenize(text, maxLength: maxLength).ids
    }

    /// The ids ``encode(_:maxLength:)`` gives, and whether pieces were cut off to fit `maxLength`: the first
    /// `maxLength − 2` pieces are kept and the rest dropped, as Hugging Face's tokenizer does with
    /// `truncation=True` (which sentence-transformers sets).
    /// - Precondition: `maxLength ≥ 2`.
    /// - Complexity: O(n + w·c²), as ``encode(_:maxLength:)``.
    public func tokenize(_ text: String, maxLength: Int) -> (ids: [Int32], isTruncated: Bool) {
        precondition(maxLength >= 2, "a sequence needs room for [CLS] and [SEP]")
        let limit = maxLength - 2
        var ids: [Int32] = [classifierID]
        ids.reserveCapacity(min(maxLength, text.utf8.count + 2))
        var word: [Unicode.Scalar] = []
        word.reserveCapacity(maxCharactersPerWord + 1)
        var candidate = String.UnicodeScalarView()
        candidate.reserveCapacity(4 * maxCharactersPerWord)
        var isTruncated = false
        let scalars = Self.normalized(text)
        for (position, scalar) in scalars.enumerated() {
            if ids.count - 1 >= limit {
                // Full: anything that would still make a piece is cut off.
                isTruncated = !word.isEmpty || scalars[position...].contains { !$0.properties.isWhitespace }
                break
            }
            if scalar.properties.isWhitespace {
                appendPieces(of: word, to: &ids, candidate: &candidate)
                word.removeAll(keepingCapacity: true)
            } else if Self.isPunctuation(scalar) {
                appendPieces(of: word, to: &ids, candidate: &candidate)
                word.removeAll(keepingCapacity: true)
                word.append(scalar)
                appendPieces(of: word, to: &ids, candidate: &candidate)
                word.removeAll(keepingCapacity: true)
            } else {
                word.append(scalar)
            }
        }
        appendPieces(of: word, to: &ids, candidate: &candidate)
        if ids.count - 1 > limit {
            ids.removeSubrange((limit + 1)...)
            isTruncated = true
        }
        ids.append(separatorID)
        return (ids, isTruncated)
    }

    /// Appends the greedy longest-match pieces of `word`, or `[UNK]`, to `ids`.
    private func appendPieces(of word: [Unicode.Scalar], to ids: inout [Int32],
                              candidate: inout String.UnicodeScalarView) {
        guard !word.isEmpty else { return }
        guard word.count <= maxCharactersPerWord else {
            ids.append(unknownID)
            return
        }
        let first = ids.count
        var start = 0
        while start < word.count {
            var end = word.count
            var found: Int32?
            while start < end {
                candidate.removeAll(keepingCapacity: true)
                if start > 0 { candidate.append(contentsOf: "##".unicodeScalars) }
                candidate.append(contentsOf: word[start..<end])
                if let id = vocabulary[String(candidate)] {
                    found = id
                    break
                }
                end -= 1
            }
            guard let found else {
                ids.removeSubrange(first...)
                ids.append(unknownID)
                return
            }
            ids.append(found)
            start = end
        }
    }
}
