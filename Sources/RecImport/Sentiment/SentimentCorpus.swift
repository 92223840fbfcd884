import Foundation

/// Readers for the binary sentiment corpora Marquee trains and evaluates on: SST-2, rt-polarity and IMDb.
///
/// Each reads the files as distributed (see the data sets' `PROVENANCE.md`) and returns ``LabeledText``s in
/// file order. `scripts/reference/sentiment_baselines.py` reads the same texts the same way.
public enum SentimentCorpus {
    /// The SST-2 sentences of one Stanford Sentiment Treebank tree file (`sst/trees/train.txt`, `dev.txt`,
    /// `test.txt`): root label 0–1 negative, 3–4 positive, 2 (neutral) dropped, the usual binary reading
    /// (6,920 / 872 / 1,821 sentences). The text is the tree's leaves joined by single spaces, PTB escapes
    /// undone (`-LRB-` → `(`, `-RRB-` → `)`, `\/` → `/`, `\*` → `*`).
    /// - Throws: ``ImportError`` `.fileNotFound`, `.wrongEncoding`, or `.badRow` naming the line of a
    ///   malformed tree.
    /// - Complexity: O(file size).
    public static func sst2(trees url: URL) throws(ImportError) -> [LabeledText] {
        var texts: [LabeledText] = []
        try forEachLine(of: url) { line, number throws(ImportError) in
            guard !line.isEmpty else { return }
            let tree = try SentimentTree(parsing: line, file: url.lastPathComponent, line: number)
            guard tree.rootLabel != 2 else { return }
            texts.append(LabeledText(text: tree.sentence, isPositive: tree.rootLabel > 2))
        }
        return texts
    }

    /// The 10,662 rt-polarity snippets (Pang & Lee 2005) in `folder`: `rt-polarity.pos` (positive), then
    /// `rt-polarity.neg`, one snippet per line, each passed unchanged.
    /// - Throws: ``ImportError`` `.fileNotFound` or `.wrongEncoding`.
    /// - Complexity: O(file size).
    public static func rtPolarity(folder: URL) throws(ImportError) -> [LabeledText] {
        var texts: [LabeledText] = []
        for (name, isPositive) in [("rt-polarity.pos", true), ("rt-polarity.neg", false)] {
            try forEachLine(of: folder.appendingPathComponent(name)) { line, _ in
                texts.append(LabeledText(text: line, isPositive: isPositive))
            }
        }
        return texts
    }

    /// The IMDb reviews (Maas et al. 2011) of an aclImdb JSON Lines file (`aclImdb/test.jsonl`), keeping
    /// every `stride`-th line counting from 0: `stride` 1 reads all 25,000, 25 reads a fixed 1,000 (500
    /// negative, 500 positive, since the file lists negatives first).
    /// - Precondition: `stride ≥ 1`.
    /// - Throws: ``ImportError`` `.fileNotFound`, `.wrongEncoding`, or `.badRow` naming a line that lacks a
    ///   `text` string or a `label` of `"pos"` or `"neg"`.
    /// - Complexity: O(file size).
    public static func imdb(jsonLines url: URL, stride: Int = 1) throws(ImportError) -> [LabeledText] {
        precondition(stride >= 1, "SentimentCorpus.imdb needs stride ≥ 1")
        struct Review: Decodable { var text: String; var label: String }
        var texts: [LabeledText] = []
        try forEachLine(of: url) { line, number throws(ImportError) in
            guard (number - 1) % stride == 0 else { return }
            let review: Review
            do {
                review = try JSONDecoder().decode(Review.self, from: Data(line.utf8))
            } catch {
                throw ImportError(.badRow, "\(url.lastPathComponent) line \(number): expected a JSON object with "
                    + "\"text\" and \"label\" strings", underlying: error)
            }
            guard review.label == "pos" || review.label == "neg" else {
                throw ImportError(.badRow, "\(url.lastPathComponent) line \(number): label is \"\(review.label)\"; "
                    + "expected \"pos\" or \"neg\"")
            }
            texts.append(LabeledText(text: review.text, isPositive: review.label == "pos"))
        }
        return texts
    }

    /// Calls `body` with each line of a strict UTF-8 file and its 1-based number.
    private static func forEachLine(
        of url: URL, _ body: (String, Int) throws(ImportError) -> Void
    ) throws(ImportError) {
        let reader = try LineReader(url: url)
        while let line = try reader.nextLine({ bytes, _ throws(ImportError) -> String in
            guard TextEncoding.utf8.isValid(bytes) else {
                throw ImportError(.wrongEncoding, "\(url.lastPathComponent) line \(reader.lineNumber + 1): "
                    + "not valid UTF-8")
            }
            return TextEncoding.utf8.decode(bytes)
        }) {
            try body(line, reader.lineNumber)
        }
    }
}
