import RecCore

/// A model that predicts from the dense user and item indices of its training matrix, `nil` for ids it did not
/// see: what the neural models' validation needs to score held-out entries without id look-ups.
protocol DenseRatingEstimator {
    /// The scale predictions are clipped to.
    var scale: RatingScale { get }
    /// The unclipped prediction for dense indices, or the model's fallback when either is `nil`.
    func estimate(user: Int?, item: Int?) -> Float
}

extension DenseRatingEstimator {
    /// RMSE of the clipped predictions on the listed entries of `matrix`.
    /// - Complexity: O(entries × cost of one estimate).
    func rootMeanSquaredError(of entries: [Int32], in matrix: InteractionMatrix) -> Float {
        var sum = 0.0
        for entry in entries {
            let e = Int(entry)
            let error = scale.clip(estimate(user: Int(matrix.entryUsers[e]), item: Int(matrix.entryItems[e])))
                - matrix.entryValues[e]
            sum += Double(error * error)
        }
        return Float((sum / Double(max(1, entries.count))).squareRoot())
    }
}
