import Foundation
import RecTestSupport
import Testing
import RecText

@Suite struct WordPieceTokenizerTests {
    @Test func splitsWordsIntoLongestPieces() throws {
        let tokenizer = try WordPieceTokenizer(tokens: ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "un", "##aff", "##able",
                                                        "!", "cafe", "a", "##a"])
        #expect(tokenizer.encode("Unaffable! CAFÉ", maxLength: 16) == [2, 4, 5, 6, 7, 8, 3])
        #expect(tokenizer.encode("unx", maxLength: 16) == [2, 1, 3])
        #expect(tokenizer.encode(String(repeating: "a", count: 101), maxLength: 16) == [2, 1, 3])
        #expect(tokenizer.encode("a a a a", maxLength: 4) == [2, 9, 9, 3])
        #expect(tokenizer.encode("", maxLength: 4) == [2, 3])
    }

    @Test func rejectsAVocabularyWithoutSpecialTokens() {
        #expect(throws: TextError.self) { try WordPieceTokenizer(tokens: ["[CLS]", "[SEP]"]) }
    }

    @Test func missingVocabularyFileSaysHowToGetIt() throws {
        let url = URL(fileURLWithPath: "/nonexistent/vocab.txt")
        let error = try #require(throws: TextError.self) { try WordPieceTokenizer(vocabularyFile: url) }
        #expect(error.code == .missingModel)
        #expect(error.message.contains("/nonexistent/vocab.txt") && error.message.contains("scripts/setup"))
    }

    @Test(.enabled(if: TestData.isModelAvailable("\(MiniLMReference.modelFolder)/vocab.txt"),
                   TestData.modelSkipMessage("\(MiniLMReference.modelFolder)/vocab.txt")))
    func matchesHuggingFaceOnEveryFixtureText() throws {
        let reference = try MiniLMReference.load()
        let tokenizer = try WordPieceTokenizer(
            vocabularyFile: TestData.modelURL("\(MiniLMReference.modelFolder)/vocab.txt"))
        #expect(reference.texts.count >= 30)
        for entry in reference.texts {
            #expect(tokenizer.encode(entry.text, maxLength: reference.maxSeqLength) == entry.ids,
                    "text: \(entry.text.prefix(60))")
        }
    }
}
