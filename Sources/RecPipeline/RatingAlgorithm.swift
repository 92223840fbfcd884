import Foundation
import RecAlgorithms
import RecCore

/// The rating-prediction algorithms the commands offer, by their CLI names.
public enum RatingAlgorithm: String, CaseIterable, Sendable, Codable {
    /// Predicts the training mean (``GlobalMean``).
    case globalMean = "global-mean"
    /// Regularised user and item biases fitted by ALS, as Surprise's BaselineOnly (``BaselinePredictor``).
    case baseline
    /// Biased matrix factorisation by SGD, as Surprise's SVD (``BiasedMF``).
    case biasedMF = "biased-mf"
    /// SVD++ with implicit feedback from what each user rated (``SVDPlusPlus``).
    case svdpp
    /// Item-based kNN on baseline residuals with pearson-baseline similarity (``KNNBaseline``).
    case knnBaseline = "knn-baseline"

    /// Fits this algorithm with its default hyperparameters (Surprise's defaults where Surprise has the algorithm).
    /// - Throws: ``AlgorithmError`` from the algorithm.
    public func fit(_ matrix: InteractionMatrix, progress: ProgressHandler? = nil) throws -> TrainedRatingModel {
        switch self {
        case .globalMean: .globalMean(try GlobalMean.fit(matrix))
        case .baseline: .baseline(try BaselinePredictor.fit(matrix, configuration: .init(), progress: progress))
        case .biasedMF: .biasedMF(try BiasedMF.fit(matrix, configuration: .init(), progress: progress))
        case .svdpp: .svdpp(try SVDPlusPlus.fit(matrix, configuration: .init(), progress: progress))
        case .knnBaseline: .knnBaseline(try KNNBaseline.fit(matrix, configuration: .init(), progress: progress))
        }
    }
}
