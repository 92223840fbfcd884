import RecAlgorithms
import RecCore
import RecStore

/// A trained top-N model of any ``TopNAlgorithm``, storable as JSON.
public enum TrainedTopNModel: TopNRecommender, Codable {
    /// A fitted ``ImplicitALS``.
    case als(ImplicitALS)
    /// A fitted ``BPR``.
    case bpr(BPR)
    /// A fitted ``ItemKNN``.
    case itemKNN(ItemKNN)
    /// A fitted ``UserKNN``.
    case userKNN(UserKNN)
    /// A fitted ``EASE``.
    case ease(EASE)
    /// A fitted ``MostPopular``.
    case popular(MostPopular)
    /// A fitted ``RandomRecommender``.
    case random(RandomRecommender)

    /// The model as its own type.
    public var recommender: any TopNRecommender {
        switch self {
        case .als(let model): model
        case .bpr(let model): model
        case .itemKNN(let model): model
        case .userKNN(let model): model
        case .ease(let model): model
        case .popular(let model): model
        case .random(let model): model
        }
    }

    public func recommend(for user: UserID, count: Int, excluding excluded: Set<ItemID>, includeSeen: Bool) -> TopNList {
        recommender.recommend(for: user, count: count, excluding: excluded, includeSeen: includeSeen)
    }

    /// The model in a store's form, named ``TopNAlgorithm/storedName``.
    /// - Throws: ``PipelineError`` if encoding fails.
    public func stored(as algorithm: TopNAlgorithm, configuration: TopNModelConfiguration,
                       fingerprint: String, metrics: [String: Double]) throws -> StoredModel {
        try .encoding(self, named: algorithm.storedName, configuration: configuration, fingerprint: fingerprint, metrics: metrics)
    }

    /// Decodes a model saved by ``stored(as:configuration:fingerprint:metrics:)``.
    /// - Throws: ``PipelineError`` naming the model and version when the payload does not decode.
    public init(_ stored: StoredModel) throws {
        self = try stored.decoded(as: TrainedTopNModel.self)
    }

    /// Items most similar to `item` by the model's own item representation (ALS item factors,
    /// item-kNN neighbourhoods), or `nil` when the model has none (BPR, user-kNN, EASE, baselines).
    public func similarItems(to item: ItemID, count: Int) -> [ScoredItem]? {
        switch self {
        case .als(let model): model.similarItems(to: item, count: count)
        case .itemKNN(let model): model.similarItems(to: item, count: count)
        case .bpr, .userKNN, .ease, .popular, .random: nil
        }
    }

    /// The score of `item` for a user with `history` split into the contributions of the user's items, for the
    /// models whose score is such a sum (ALS: implicit's `explain` decomposition; item-kNN: neighbour weights),
    /// or `nil` for the others and when the model knows neither the item nor the history.
    /// - Complexity: ALS O(|history| × k² + k³), item-kNN O(|history| × neighbours).
    public func explain(_ item: ItemID, history: [ItemID: Float], count: Int) -> ScoreExplanation? {
        switch self {
        case .als(let model): model.explain(item, history: history, count: count)
        case .itemKNN(let model): model.explain(item, history: history, count: count)
        case .bpr, .userKNN, .ease, .popular, .random: nil
        }
    }

    /// The training data's users, items, seen lists and item popularity.
    public var history: TrainingHistory {
        switch self {
        case .als(let model): model.history
        case .bpr(let model): model.history
        case .itemKNN(let model): model.history
        case .userKNN(let model): model.history
        case .ease(let model): model.history
        case .popular(let model): model.history
        case .random(let model): model.history
        }
    }

    /// The model as a ``FoldInRecommender``, when it can serve a user from their history alone.
    public var foldIn: (any FoldInRecommender)? {
        switch self {
        case .als(let model): model
        case .bpr(let model): model
        case .itemKNN(let model): model
        case .userKNN(let model): model
        case .ease(let model): model
        case .popular, .random: nil
        }
    }
}
