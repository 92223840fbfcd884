import Foundation
import RecTestSupport

/// `Tests/Fixtures/reference/minilm-reference.json`, written by `scripts/reference/minilm_reference.py` from
/// sentence-transformers: each text's token ids and, for some, its embedding.
struct MiniLMReference: Decodable {
    struct Entry: Decodable {
        var text: String
        var ids: [Int32]
        var embedding: [Float]?
    }

    var maxSeqLength: Int
    var texts: [Entry]

    enum CodingKeys: String, CodingKey {
        case maxSeqLength = "max_seq_length"
        case texts
    }

    /// The model folder the tests use.
    static let modelFolder = "all-MiniLM-L6-v2"

    static func load() throws -> MiniLMReference {
        let data = try Data(contentsOf: TestData.fixture("reference/minilm-reference.json"))
        return try JSONDecoder().decode(MiniLMReference.self, from: data)
    }
}
