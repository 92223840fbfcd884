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
