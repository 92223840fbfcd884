import Hummingbird
import RecCore

/// One recommended (or similar, popular, latest) movie as the API returns it.
public struct RecommendedItem: Codable, Sendable, Equatable {
    /// The item's id.
    public var id: String
    /// Its title; empty when the catalogue has no entry for it.
    public var title: String
    /// Release year, when known.
    public var year: Int?
    /// Genres.
    public var genres: [String]
    /// The model's score: higher is better; comparable only within one response.
    public var score: Float
    /// Why it was recommended, when asked for with `explain=true`.
    public var explanation: Explanation?
}

/// Why an item was recommended: a sentence and the evidence it was built from.
public struct Explanation: Codable, Sendable, Equatable {
    /// One sentence for people, naming only items in `evidence`.
    public var text: String
    /// The user's own liked items most similar to the recommended one under the model's item similarity
    /// (ALS factor cosine, item-kNN neighbour weight), strongest first; empty when the model has no item similarity.
    public var evidence: [Evidence]
}

/// One item of an ``Explanation``'s evidence.
public struct Evidence: Codable, Sendable, Equatable {
    /// The item's id.
    public var item: String
    /// Its title.
    public var title: String
    /// Its similarity to the recommended item under the model.
    public var weight: Float
}

/// A list of items: recommendations for a user, similar items, popular or latest items.
public struct ItemList: ResponseEncodable, Decodable, Sendable, Equatable {
    /// The items, best first.
    public var items: [RecommendedItem]
    /// The model that ranked them, e.g. `"topn-als v3"`; `nil` for lists that need no model (latest).
    public var model: String?
    /// `true` when the user had no usable history and the list is the most popular items instead.
    public var fallback: Bool
}
