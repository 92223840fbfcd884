import RecAlgorithms
import RecCore

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
}
