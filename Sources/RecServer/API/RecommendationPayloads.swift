import Hummingbird
import RecCore
import RecGeneration

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
    /// A short description written for the user, when asked for with `pitch=true`; says which generator wrote it.
    public var pitch: Pitch?
}

/// Why an item was recommended: a sentence and the evidence it was built from.
///
/// For ``Method/scoreDecomposition`` and ``Method/neighbours`` the evidence weights are exact shares of the
/// model's score: `Σ evidence.weight + remainder = score` (up to float rounding). ``themes`` are not shares:
/// each weight is a cosine in (0, 1] (``RecAlgorithms/ThemeIndex``).
public struct Explanation: Codable, Sendable, Equatable {
    /// How the evidence was found.
    public enum Method: String, Codable, Sendable {
        /// ALS: the score y_i·x_u split into the contribution c_uj·(W⁻¹y_i)·y_j of each liked item j, with
        /// W = YᵀC_uY + λI (implicit's `explain`).
        case scoreDecomposition = "score-decomposition"
        /// Item-kNN: the liked items whose neighbour lists hold the item, each weighted value × similarity.
        case neighbours
        /// No usable history: the item is among the most popular; no evidence.
        case popularity
        /// The model gives no per-item evidence (BPR, user-kNN, EASE).
        case model
    }

    /// One sentence for people, naming only items in `evidence`.
    public var text: String
    /// The user's own liked items behind the recommendation, strongest first (at most 3).
    public var evidence: [Evidence]
    /// How `evidence` was found.
    public var method: Method
    /// The model's score that the evidence weights split, for the score-decomposition and neighbours methods.
    public var score: Float?
    /// The summed weight of contributing items not listed in `evidence`, for the same methods.
    public var remainder: Float?
    /// When the user's interest vector re-ranked the list (the content signal): the item's genres and keywords
    /// closest to that interest, closest first (at most 3).
    public var themes: [ThemeEvidence]
    /// Adjustments applied after the model's ranking, e.g. diversity re-ranking, in words.
    public var notes: [String]
}

/// One theme of an ``Explanation``: a genre or keyword of the recommended item near the user's interest vector.
public struct ThemeEvidence: Codable, Sendable, Equatable {
    /// The theme as the item spells it.
    public var theme: String
    /// Cosine between the theme's vector (the mean embedding of the catalogue items carrying it) and the user's
    /// interest vector, in (0, 1].
    public var weight: Float
}

/// One item of an ``Explanation``'s evidence.
public struct Evidence: Codable, Sendable, Equatable {
    /// What the user did with the item.
    public enum Kind: String, Codable, Sendable {
        /// A like, watch or high rating.
        case liked
        /// A review whose sentiment (VADER compound ≥ 0.05) recorded a like.
        case reviewed
    }

    /// The item's id.
    public var item: String
    /// Its title.
    public var title: String
    /// Its share of the score (score-decomposition, neighbours).
    public var weight: Float
    /// What the user did with it.
    public var kind: Kind
    /// The review's VADER compound score in [−1, 1], for `reviewed` evidence.
    public var sentiment: Float?
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
