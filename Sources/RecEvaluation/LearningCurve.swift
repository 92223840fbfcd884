/// One fold's training curve of an iteratively trained model: RMSE per epoch on the training samples and on the
/// validation slice, and the epoch whose parameters were kept.
public struct LearningCurve: Sendable, Hashable, Codable {
    /// Fold name, e.g. `"u1"`.
    public var fold: String
    /// Training RMSE per epoch, from epoch 1.
    public var training: [Double]
    /// Validation RMSE per epoch; empty when validation was off.
    public var validation: [Double]
    /// The epoch (from 1) the model kept, when validation ran.
    public var bestEpoch: Int?

    /// Creates a curve.
    public init(fold: String, training: [Double], validation: [Double], bestEpoch: Int?) {
        self.fold = fold
        self.training = training
        self.validation = validation
        self.bestEpoch = bestEpoch
    }

    enum CodingKeys: String, CodingKey {
        case fold, training, validation
        case bestEpoch = "best_epoch"
    }
}
