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

    /// The hyperparameters used when none are tuned: Surprise's defaults for the algorithms Surprise has.
    public var defaultConfiguration: RatingModelConfiguration {
        switch self {
        case .globalMean: .globalMean
        case .baseline: .baseline(BaselineConfiguration())
        case .baselineSGD: .baseline(BaselineConfiguration(method: .stochasticGradientDescent()))
        case .biasedMF: .biasedMF(BiasedMFConfiguration())
        case .svdpp: .svdpp(SVDPlusPlusConfiguration())
        case .knnBaseline: .knnBaseline(KNNBaselineConfiguration())
        }
    }
}
