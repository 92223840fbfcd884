import Foundation
import RecTestSupport
import Testing
import RecText

@Suite struct MiniLMEncoderTests {
    static let safetensors = "\(MiniLMReference.modelFolder)/model.safetensors"

    @Test(.enabled(if: TestData.isModelAvailable(safetensors), TestData.modelSkipMessage(safetensors)))
    func matchesSentenceTransformersOnEveryFixtureText() async throws {
        let reference = try MiniLMReference.load()
        let encoder = try MiniLMEncoder(directory: TestData.modelURL(MiniLMReference.modelFolder),
                                        configuration: MiniLMConfiguration(batchSize: 4, threads: 2))
        let entries = reference.texts.filter { $0.embedding != nil }
        #expect(entries.count >= 18)
        let vectors = try await encoder.embed(entries.map(\.text))
        for (entry, vector) in zip(entries, vectors) {
            let expected = try #require(entry.embedding)
            #expect(vector.count == 384)
            let dot = zip(vector, expected).reduce(Float(0)) { $0 + $1.0 * $1.1 }
            let norms = (vector.reduce(0) { $0 + $1 * $1 } * expected.reduce(0) { $0 + $1 * $1 }).squareRoot()
            #expect(dot / norms >= 0.9999, "text: \(entry.text.prefix(60))")
        }
    }

    @Test(.enabled(if: TestData.isModelAvailable(safetensors), TestData.modelSkipMessage(safetensors)))
    func badTextsGetUnitVectorsAndSayWhatWasMadeOfThem() async throws {
        let encoder = try MiniLMEncoder(directory: TestData.modelURL(MiniLMReference.modelFolder))
        let texts = [
            "",
            String(decoding: [0x66, 0x75, 0x6E, 0x6E, 0x79, 0x20, 0xFF, 0xC3, 0x28] as [UInt8], as: UTF8.self),
            "😀🍿👍🏽",
            "ᏣᎳᎩ ᎦᏬᏂᎯᏍᏗ",
            "Hauska ja kevyt elokuva pitkän viikon jälkeen",
            String(repeating: "a long week of work and then a film ", count: 1 << 15),
        ]
        #expect(texts[5].utf8.count >= 1 << 20)
        let results = try await encoder.encode(texts)
        #expect(results.count == texts.count)
        for (text, result) in zip(texts, results) {
            let norm = result.vector.reduce(Float(0)) { $0 + $1 * $1 }.squareRoot()
            #expect(result.vector.count == 384 && result.vector.allSatisfy(\.isFinite) && abs(norm - 1) < 1e-4,
                    "text: \(text.prefix(30))")
        }
        #expect(results[0].pieces == 0 && !results[0].isTruncated)
        #expect(results[1].pieces >= 1 && results[1].unknownPieces < results[1].pieces, "the valid word survives")
        #expect(results[2].pieces >= 1 && results[2].unknownPieces == results[2].pieces, "only emoji: nothing known")
        #expect(results[4].unknownPieces < results[4].pieces, "Finnish is spelled in word pieces")
        #expect(results[5].isTruncated && results[5].pieces == 254)
        #expect(results.prefix(5).allSatisfy { !$0.isTruncated })
        #expect(try await encoder.embed(texts) == results.map(\.vector))
    }

    @Test func missingDirectorySaysHowToGetTheModel() throws {
        let error = try #require(throws: TextError.self) {
            try MiniLMEncoder(directory: URL(fileURLWithPath: "/nonexistent/all-MiniLM-L6-v2"))
        }
        #expect(error.code == .missingModel)
        #expect(error.message.contains("/nonexistent/all-MiniLM-L6-v2") && error.message.contains("scripts/setup"))
    }

    @Test func truncatedWeightsAreReported() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("marquee-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "[PAD]\n[UNK]\n[CLS]\n[SEP]\n".write(to: directory.appendingPathComponent("vocab.txt"), atomically: true, encoding: .utf8)
        try Data([0x10, 0, 0, 0, 0, 0, 0, 0, 0x7B]).write(to: directory.appendingPathComponent("model.safetensors"))
        let error = try #require(throws: TextError.self) { try MiniLMEncoder(directory: directory) }
        #expect(error.code == .invalidModel)
        #expect(error.message.contains("model.safetensors") && error.message.contains("truncated"))
    }
}
