import Foundation
import RecCore
import RecText

/// Item embeddings as the store keeps them (the payload of the stored model ``name``): per item the fingerprint
/// of the text it was embedded from, so that a later run embeds only items whose text changed.
public struct StoredItemEmbeddings: Sendable, Codable {
    /// The stored model's name in the ``RecStore/Store``.
    public static let name = "item-embeddings"

    /// Which encoder made the vectors, e.g. `"all-MiniLM-L6-v2 max 256"`: vectors of another encoder are never reused.
    public var encoder: String
    /// Items in row order.
    public var items: [ItemID]
    /// ``DataFingerprint/of(_:)-(String)`` of each item's text, in row order.
    public var fingerprints: [String]
    /// Floats per vector.
    public var dimension: Int
    /// items × dimension unit vectors, row-major.
    public var vectors: [Float]

    /// Creates a set of embeddings.
    public init(encoder: String, items: [ItemID] = [], fingerprints: [String] = [], dimension: Int, vectors: [Float] = []) {
        self.encoder = encoder
        self.items = items
        self.fingerprints = fingerprints
        self.dimension = dimension
        self.vectors = vectors
    }

    /// The vectors for ranking, centred on their mean (see ``RecCore/ItemEmbeddings``): a text's raw embedding goes
    /// through ``RecCore/ItemEmbeddings/centered(_:)`` before it is compared with them.
    public var embeddings: ItemEmbeddings { ItemEmbeddings(items: items, vectors: vectors, dimension: dimension, centering: true) }

    /// The embeddings of `texts` (one per item, in that order): vectors whose item and text fingerprint are
    /// unchanged are reused from `self` when it was made by the same encoder (``MiniLMEncoder`` name and
    /// maximum length), the others are embedded by `encoder`.
    /// - Returns: the new set and how many texts were embedded.
    /// - Throws: `CancellationError`.
    /// - Complexity: O(items × dimension) plus the encoder's cost for the changed texts.
    public func updated(with texts: [(item: ItemID, text: String)],
                        encoder: MiniLMEncoder) async throws -> (embeddings: StoredItemEmbeddings, embedded: Int) {
        var previous: [ItemID: Int] = [:]
        if encoder.name == self.encoder, dimension == encoder.dimension {
            for (row, item) in items.enumerated() { previous[item] = row }
        }
        let fingerprints = texts.map { DataFingerprint.of($0.text) }
        let stale = texts.indices.filter { index in
            previous[texts[index].item].map { self.fingerprints[$0] != fingerprints[index] } ?? true
        }
        let fresh = try await encoder.embed(stale.map { texts[$0].text })
        var replacement = [Int: [Float]](minimumCapacity: stale.count)
        for (index, vector) in zip(stale, fresh) { replacement[index] = vector }
        let d = encoder.dimension
        var vectors: [Float] = []
        vectors.reserveCapacity(texts.count * d)
        for (index, entry) in texts.enumerated() {
            if let vector = replacement[index] {
                vectors.append(contentsOf: vector)
            } else if let row = previous[entry.item] {
                vectors.append(contentsOf: self.vectors[row * d..<(row + 1) * d])
            }
        }
        let result = StoredItemEmbeddings(encoder: encoder.name, items: texts.map(\.item), fingerprints: fingerprints,
                                          dimension: d, vectors: vectors)
        return (result, stale.count)
    }

    private enum CodingKeys: String, CodingKey { case encoder, items, fingerprints, dimension, vectors }

    /// Decodes; `vectors` are little-endian Float32 bytes (base64 in JSON).
    /// - Throws: `DecodingError` when the byte count does not match items × dimension.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        encoder = try container.decode(String.self, forKey: .encoder)
        items = try container.decode([ItemID].self, forKey: .items)
        fingerprints = try container.decode([String].self, forKey: .fingerprints)
        dimension = try container.decode(Int.self, forKey: .dimension)
        let bytes = [UInt8](try container.decode(Data.self, forKey: .vectors))
        guard bytes.count == items.count * dimension * 4, fingerprints.count == items.count else {
            throw DecodingError.dataCorruptedError(forKey: .vectors, in: container, debugDescription:
                "\(bytes.count) bytes and \(fingerprints.count) fingerprints for \(items.count) items of \(dimension) floats")
        }
        vectors = stride(from: 0, to: bytes.count, by: 4).map { offset in
            Float(bitPattern: UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8
                  | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24)
        }
    }

    /// Encodes; `vectors` as little-endian Float32 bytes, a quarter of their size as JSON numbers.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(self.encoder, forKey: .encoder)
        try container.encode(items, forKey: .items)
        try container.encode(fingerprints, forKey: .fingerprints)
        try container.encode(dimension, forKey: .dimension)
        var bytes = Data(capacity: vectors.count * 4)
        for value in vectors { withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) } }
        try container.encode(bytes, forKey: .vectors)
    }
}
