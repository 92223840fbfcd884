import Hummingbird

/// `POST /v1/recommendations/text`: what the viewer feels like watching, in their own words.
public struct MoodRequest: Codable, Sendable {
    /// The description, 1 to 10,000 characters, e.g. "something funny and light after a long week".
    public var text: String
    /// How many items, 1 to 100 (default 10).
    public var n: Int?
}

/// Movies for a described mood, ranked by the cosine between the text's MiniLM embedding and theirs.
public struct MoodRecommendations: ResponseEncodable, Decodable, Sendable, Equatable {
    /// The items, closest first; `score` is the cosine.
    public var items: [RecommendedItem]
    /// The stored embeddings used, e.g. `"item-embeddings v1"`.
    public var model: String
    /// `true` when the text was longer than the encoder reads (256 word pieces) and only its start was used.
    public var truncated: Bool
}
