import Foundation
import RecAlgorithms
import RecCore

/// One algorithm with its hyperparameters: what `train`, `evaluate` and the tuner fit, and what a
/// stored model records as its hyperparameters.
public enum RatingModelConfiguration: Sendable, Codable, Equatable {
    /// ``GlobalMean`` (no hyperparameters).
    case globalMean
    /// ``BaselinePredictor``.
    case baseline(BaselineConfiguration)
    /// ``BiasedMF``.
    case biasedMF(BiasedMFConfiguration)
    /// ``SVDPlusPlus``.
    case svdpp(SVDPlusPlusConfiguration)
    /// ``KNNBaseline``.
    case knnBaseline(KNNBaselineConfiguration)
    /// ``AutoRec``.
    case autorec(AutoRecConfiguration)
    /// ``NeuralMF``.
    case neuralMF(NeuralMFConfiguration)
    /// ``LSTMHistory``.
    case lstmHistory(LSTMHistoryConfiguration)
    /// ``RatingStack`` over its members' configurations.
    case stack(RatingStackConfiguration)

    /// Fits the configured algorithm on `matrix`; the neural models also read `context` (item features from the
    /// catalogue, rating times), the others ignore it.
    /// - Throws: ``AlgorithmError`` from the algorithm.
    /// - Complexity: the algorithm's fit.
    public func fit(_ matrix: InteractionMatrix, context: RatingContext = RatingContext(),
                    progress: ProgressHandler? = nil) throws -> TrainedRatingModel {
        switch self {
        case .globalMean: .globalMean(try GlobalMean.fit(matrix))
        case .baseline(let configuration):
            .baseline(try BaselinePredictor.fit(matrix, configuration: configuration, progress: progress))
        case .biasedMF(let configuration):
            .biasedMF(try BiasedMF.fit(matrix, configuration: configuration, progress: progress))
        case .svdpp(let configuration):
            .svdpp(try SVDPlusPlus.fit(matrix, configuration: configuration, progress: progress))
        case .knnBaseline(let configuration):
            .knnBaseline(try KNNBaseline.fit(matrix, configuration: configuration, progress: progress))
        case .autorec(let configuration):
            .autorec(try AutoRec.fit(matrix, configuration: configuration, progress: progress))
        case .neuralMF(let configuration):
            .neuralMF(try NeuralMF.fit(matrix, features: ItemFeatures(catalogue: context.catalogue, items: matrix.items),
                                       configuration: configuration, progress: progress))
        case .lstmHistory(let configuration):
            .lstmHistory(try LSTMHistory.fit(matrix, timestamps: context.timestamps,
                                             features: ItemFeatures(catalogue: context.catalogue, items: matrix.items),
                                             configuration: configuration, progress: progress))
        case .stack(let configuration):
            .stack(try RatingStack.fit(matrix, context: context, configuration: configuration, progress: progress))
        }
    }
}

extension RatingModelConfiguration {
    /// The configuration as compact JSON with sorted keys, for reports.
    public var summary: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain structs of numbers and enums cannot fail; an empty summary would show if it did.
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }
}
