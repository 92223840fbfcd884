import RecAlgorithms

/// The rating-prediction algorithms the commands offer, by their CLI names.
public enum RatingAlgorithm: String, CaseIterable, Sendable, Codable {
    /// Predicts the training mean (``GlobalMean``).
    case globalMean = "global-mean"
    /// Regularised user and item biases fitted by ALS, as Surprise's BaselineOnly default (``BaselinePredictor``).
    case baseline
    /// The same biases fitted by SGD, as Surprise's BaselineOnly with `method: sgd`.
    case baselineSGD = "baseline-sgd"
    /// Biased matrix factorisation by SGD, as Surprise's SVD (``BiasedMF``).
    case biasedMF = "biased-mf"
    /// SVD++ with implicit feedback from what each user rated (``SVDPlusPlus``).
    case svdpp
    /// Item-based kNN on baseline residuals with pearson-baseline similarity (``KNNBaseline``).
    case knnBaseline = "knn-baseline"
    /// Item-based AutoRec, an autoencoder over each item's ratings (``AutoRec``).
    case autorec
    /// Neural MF: user/item embeddings and item features through an MLP beside a GMF product (``NeuralMF``).
    case neuralMF = "neural-mf"
    /// An LSTM over the user's previous ratings in time order (``LSTMHistory``).
    case lstmHistory = "lstm-history"
    /// A linear stack of AutoRec, neural MF and SVD++ fitted on a held-out slice (``RatingStack``).
    case stack

    /// Whether the algorithm reads item features from the catalogue (see ``RatingContext``).
    public var readsItemFeatures: Bool {
        switch self {
        case .neuralMF, .lstmHistory, .stack: true
        case .globalMean, .baseline, .baselineSGD, .biasedMF, .svdpp, .knnBaseline, .autorec: false
        }
    }

    /// The hyperparameters used when none are tuned: Surprise's defaults for the algorithms Surprise has.
    public var defaultConfiguration: RatingModelConfiguration {
        switch self {
        case .globalMean: .globalMean
        case .baseline: .baseline(BaselineConfiguration())
        case .baselineSGD: .baseline(BaselineConfiguration(method: .stochasticGradientDescent()))
        case .biasedMF: .biasedMF(BiasedMFConfiguration())
        case .svdpp: .svdpp(SVDPlusPlusConfiguration())
        case .knnBaseline: .knnBaseline(KNNBaselineConfiguration())
        case .autorec: .autorec(AutoRecConfiguration())
        case .neuralMF: .neuralMF(NeuralMFConfiguration())
        case .lstmHistory: .lstmHistory(LSTMHistoryConfiguration())
        case .stack: .stack(RatingStackConfiguration())
        }
    }
}
