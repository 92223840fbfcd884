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

    static let tiny = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "a", "!"]

    @Test func truncationIsReportedOnlyWhenPiecesAreDropped() throws {
        let tokenizer = try WordPieceTokenizer(tokens: Self.tiny)
        #expect(tokenizer.tokenize("a a", maxLength: 4) == ([2, 4, 4, 3], false))
        #expect(tokenizer.tokenize("a a   \n", maxLength: 4) == ([2, 4, 4, 3], false), "trailing blanks make no piece")
        #expect(tokenizer.tokenize("a a a", maxLength: 4) == ([2, 4, 4, 3], true))
        #expect(tokenizer.tokenize("a a!", maxLength: 4) == ([2, 4, 4, 3], true), "punctuation is a piece")
        #expect(tokenizer.tokenize("a aa", maxLength: 4) == ([2, 4, 1, 3], false), "an unknown word is one [UNK]")
        #expect(tokenizer.tokenize("", maxLength: 4) == ([2, 3], false))
    }

    @Test func badInputGivesSequencesNotCrashes() throws {
        let tokenizer = try WordPieceTokenizer(tokens: Self.tiny)
        // Invalid UTF-8 decodes to U+FFFD, which BERT's normaliser drops.
        let invalid = String(decoding: [0x61, 0xFF, 0xFE, 0x20, 0xC3, 0x28, 0x61] as [UInt8], as: UTF8.self)
        #expect(tokenizer.tokenize(invalid, maxLength: 16) == ([2, 4, 1, 4, 3], false), "a ( a: the bad bytes vanish")
        #expect(tokenizer.tokenize(String(decoding: [0xFF, 0xFE] as [UInt8], as: UTF8.self), maxLength: 16) == ([2, 3], false))
        #expect(tokenizer.tokenize("😀🍿 👍🏽", maxLength: 16) == ([2, 1, 1, 3], false), "emoji are unknown words")
        #expect(tokenizer.tokenize("ᏣᎳᎩ ᎦᏬᏂᎯᏍᏗ", maxLength: 16) == ([2, 1, 1, 3], false), "an unknown script too")
        let megabyte = String(repeating: "a ", count: 524_288)
        let long = tokenizer.tokenize(megabyte, maxLength: 256)
        #expect(long.ids.count == 256 && long.isTruncated)
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
            let tokens = tokenizer.tokenize(entry.text, maxLength: reference.maxSeqLength)
            #expect(tokens.ids == entry.ids, "text: \(entry.text.prefix(60))")
            // Hugging Face cut exactly the texts that fill the whole sequence (the fixture has no text of exactly 254 pieces).
            #expect(tokens.isTruncated == (entry.ids.count == reference.maxSeqLength), "text: \(entry.text.prefix(60))")
        }
        #expect(reference.texts.count { $0.ids.count == reference.maxSeqLength } == 2)
    }
}
