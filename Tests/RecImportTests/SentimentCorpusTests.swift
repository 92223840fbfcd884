import Foundation
import Testing
import RecImport

@Suite struct SentimentCorpusTests {
    @Test func sstTreesGiveBinaryLabelsAndUnescapedLeaves() throws {
        let folder = try TemporaryFolder()
        let url = try folder.write("train.txt", """
            (3 (2 -LRB-) (4 (4 Great) (2 \\/fun\\*)) (2 -RRB-))
            (2 (2 Just) (2 okay))
            (1 (1 Dull) (2 .))
            (0 Awful)
            (4 (3 Loved) (2 (2 8\u{A0}1\\/2) (2 it)))

            """)
        let texts = try SentimentCorpus.sst2(trees: url)
        #expect(texts == [LabeledText(text: "( Great /fun* )", isPositive: true),
                          LabeledText(text: "Dull .", isPositive: false),
                          LabeledText(text: "Awful", isPositive: false),
                          LabeledText(text: "Loved 8\u{A0}1/2 it", isPositive: true)])
    }

    /// Hand-checked: the nodes of `(3 (2 It) (4 (4 shines) (2 -LRB-)))` in post-order are It/2, shines/4,
    /// "(" /2, "shines (" /4, "It shines (" /3; the second tree repeats "It" (neutral, dropped) and "shines"
    /// (there labelled 3; kept once, with its first label) and adds "dull"/1, "dull shines"/1, "It dull shines"/1.
    @Test func sstPhrasesAreEveryNonNeutralNodeOnce() throws {
        let folder = try TemporaryFolder()
        let url = try folder.write("train.txt", """
            (3 (2 It) (4 (4 shines) (2 -LRB-)))
            (1 (2 It) (1 (1 dull) (3 shines)))

            """)
        let phrases = try SentimentCorpus.sst2Phrases(trees: url)
        #expect(phrases == [LabeledText(text: "shines", isPositive: true),
                            LabeledText(text: "shines (", isPositive: true),
                            LabeledText(text: "It shines (", isPositive: true),
                            LabeledText(text: "dull", isPositive: false),
                            LabeledText(text: "dull shines", isPositive: false),
                            LabeledText(text: "It dull shines", isPositive: false)])
        #expect(try SentimentCorpus.sst2(trees: url) == [LabeledText(text: "It shines (", isPositive: true),
                                                           LabeledText(text: "It dull shines", isPositive: false)])
    }

    @Test(arguments: ["(3 (2 open)", "(3 (2 a)) (2 b)", "(7 word)", "word", "(3 (x y))"])
    func malformedTreesNameTheLine(tree: String) throws {
        let folder = try TemporaryFolder()
        let url = try folder.write("test.txt", "(3 fine)\n\(tree)\n")
        let error = try #require(throws: ImportError.self) { try SentimentCorpus.sst2(trees: url) }
        #expect(error.code == .badRow)
        #expect(error.message.hasPrefix("test.txt line 2:"), "\(error.message)")
    }

    @Test func rtPolarityReadsPositivesThenNegativesUnchanged() throws {
        let folder = try TemporaryFolder()
        try folder.write("rt-polarity.pos", "a gem . \nwarm\n")
        try folder.write("rt-polarity.neg", "a mess\n")
        let texts = try SentimentCorpus.rtPolarity(folder: folder.url)
        #expect(texts == [LabeledText(text: "a gem . ", isPositive: true), LabeledText(text: "warm", isPositive: true),
                          LabeledText(text: "a mess", isPositive: false)])
    }

    @Test func imdbKeepsEveryStrideLineFromTheFirst() throws {
        let folder = try TemporaryFolder()
        let lines = (0..<5).map { #"{"id": \#($0), "label": "\#($0 < 3 ? "neg" : "pos")", "text": "review \#($0)\tok"}"# }
        let url = try folder.write("test.jsonl", lines.joined(separator: "\n") + "\n")
        #expect(try SentimentCorpus.imdb(jsonLines: url).count == 5)
        #expect(try SentimentCorpus.imdb(jsonLines: url, stride: 2) == [
            LabeledText(text: "review 0\tok", isPositive: false), LabeledText(text: "review 2\tok", isPositive: false),
            LabeledText(text: "review 4\tok", isPositive: true)])
    }

    @Test func imdbRejectsAnUnknownLabel() throws {
        let folder = try TemporaryFolder()
        let url = try folder.write("test.jsonl", #"{"label": "pos", "text": "fine"}"# + "\n" + #"{"label": "unsup", "text": "?"}"# + "\n")
        let error = try #require(throws: ImportError.self) { try SentimentCorpus.imdb(jsonLines: url) }
        #expect(error.code == .badRow)
        #expect(error.message.contains("line 2") && error.message.contains("unsup"))
    }
}
