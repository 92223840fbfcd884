import RecCore

/// The simplest rating predictor: every prediction is the mean of the training ratings.
///
/// Useful as the floor every other algorithm must beat.
public struct GlobalMean: RatingPredictor, Codable, Equatable {
    /// Mean of the training ratings.
    public let mean: Float
    /// The scale predictions are clipped to.
    public let scale: RatingScale

    /// Fits the model: the mean of every rated entry.
    /// - Throws: `AlgorithmError` with code `.emptyTrainingData` when `matrix` has no entries.
    /// - Complexity: O(1); the matrix already holds its mean.
    public static func fit(_ matrix: InteractionMatrix) throws -> GlobalMean {
        guard matrix.entryCount > 0 else { throw AlgorithmError.emptyTrainingData("GlobalMean") }
        return GlobalMean(mean: matrix.globalMean, scale: matrix.scale)
    }

    /// The training mean clipped to ``scale``, whoever the user and whatever the item.
    public func predict(user: UserID, item: ItemID) -> Float { scale.clip(mean) }
}
