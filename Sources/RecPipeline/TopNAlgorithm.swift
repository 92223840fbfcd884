import RecAlgorithms

/// The implicit-feedback top-N algorithms the commands offer, by their CLI names.
public enum TopNAlgorithm: String, CaseIterable, Sendable, Codable {
    /// Implicit ALS (Hu, Koren, Volinsky 2008) with the CG solver (``ImplicitALS``).
    case als
    /// BPR-MF (Rendle et al. 2009) (``BPR``).
    case bpr
    /// Item-based cosine kNN (``ItemKNN``).
    case itemKNN = "item-knn"
    /// User-based cosine kNN (``UserKNN``).
    case userKNN = "user-knn"
    /// EASE (Steck 2019) (``EASE``).
    case ease
    /// Most popular items (``MostPopular``).
    case popular
    /// Random items, seeded (``RandomRecommender``).
    case random

    /// The hyperparameters used when none are tuned: implicit 0.7.3's defaults for ALS, BPR and item-kNN.
    public var defaultConfiguration: TopNModelConfiguration {
        switch self {
        case .als: .als(ImplicitALSConfiguration())
        case .bpr: .bpr(BPRConfiguration())
        case .itemKNN: .itemKNN(ItemKNNConfiguration())
        case .userKNN: .userKNN(UserKNNConfiguration())
        case .ease: .ease(EASEConfiguration())
        case .popular: .popular
        case .random: .random(seed: 0)
        }
    }

    /// The name its trained models are saved under in a store, e.g. `"topn-als"`: distinct from the
    /// rating algorithms' names, so a top-N and a rating model of the same family never share versions.
    public var storedName: String { "topn-\(rawValue)" }
}
