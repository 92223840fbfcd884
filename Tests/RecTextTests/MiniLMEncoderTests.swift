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
