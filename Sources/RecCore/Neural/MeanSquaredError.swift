/// The training loss of every rating model: the mean over a batch of (prediction − target)².
public enum MeanSquaredError {
    /// (prediction − target)² for one sample.
    @inlinable
    public static func loss(prediction: Float, target: Float) -> Float {
        (prediction - target) * (prediction - target)
    }

    /// ∂/∂prediction of one sample's share of the batch mean: 2(prediction − target)/`batchSize`.
    @inlinable
    public static func gradient(prediction: Float, target: Float, batchSize: Int) -> Float {
        2 * (prediction - target) / Float(batchSize)
    }
}
