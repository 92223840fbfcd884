import Foundation
import RecAlgorithms
import RecCore
import RecStore

/// A trained rating predictor of any of the ``RatingAlgorithm``s, with its hyperparameters, so it
/// can be stored as a ``StoredModel`` and loaded back without retraining.
public enum TrainedRatingModel: RatingPredictor, Codable {
    /// A fitted ``GlobalMean``.
    case globalMean(GlobalMean)
    /// A fitted ``BaselinePredictor``.
    case baseline(BaselinePredictor)
    /// A fitted ``BiasedMF``.
    case biasedMF(BiasedMF)
    /// A fitted ``SVDPlusPlus``.
    case svdpp(SVDPlusPlus)
    /// A fitted ``KNNBaseline``.
    case knnBaseline(KNNBaseline)
    /// A fitted ``AutoRec``.
    case autorec(AutoRec)
    /// A fitted ``NeuralMF``.
    case neuralMF(NeuralMF)
    /// A fitted ``LSTMHistory``.
    case lstmHistory(LSTMHistory)
    /// A fitted ``RatingStack``.
    case stack(RatingStack)

    /// The model as its own type.
    public var predictor: any RatingPredictor {
        switch self {
        case .globalMean(let model): model
        case .baseline(let model): model
        case .biasedMF(let model): model
        case .svdpp(let model): model
        case .knnBaseline(let model): model
        case .autorec(let model): model
        case .neuralMF(let model): model
        case .lstmHistory(let model): model
        case .stack(let model): model
        }
    }

    public var scale: RatingScale { predictor.scale }

    /// The per-epoch training record of the neural models; `nil` for the others.
    public var trainingHistory: NeuralTrainingHistory? {
        switch self {
        case .autorec(let model): model.history
        case .neuralMF(let model): model.history
        case .lstmHistory(let model): model.history
        case .globalMean, .baseline, .biasedMF, .svdpp, .knnBaseline, .stack: nil
        }
    }

    public func predict(user: UserID, item: ItemID) -> Float { predictor.predict(user: user, item: item) }

    /// The model in a store's form, named after `algorithm`.
    /// - Throws: ``PipelineError`` if encoding fails.
    public func stored(as algorithm: RatingAlgorithm, configuration: RatingModelConfiguration,
                       fingerprint: String, metrics: [String: Double]) throws -> StoredModel {
        try .encoding(self, named: algorithm.rawValue, configuration: configuration, fingerprint: fingerprint, metrics: metrics)
    }

    /// Decodes a model saved by ``stored(as:configuration:fingerprint:metrics:)``.
    /// - Throws: ``PipelineError`` naming the model and version when the payload does not decode.
    public init(_ stored: StoredModel) throws {
        self = try stored.decoded(as: TrainedRatingModel.self)
    }
}
