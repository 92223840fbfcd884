/// Root mean squared error of predictions: √(Σ (predicted − actual)² / n), accumulated in Double.
///
/// - Returns: the error, or `nil` for no predictions.
/// - Complexity: O(n).
public func rmse(_ predictions: [Prediction]) -> Double? {
    guard !predictions.isEmpty else { return nil }
    var sum = 0.0
    for p in predictions {
        let error = Double(p.predicted) - Double(p.actual)
        sum += error * error
    }
    return (sum / Double(predictions.count)).squareRoot()
}
