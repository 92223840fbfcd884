/// Mean absolute error of predictions: Σ |predicted − actual| / n, accumulated in Double.
///
/// - Returns: the error, or `nil` for no predictions.
/// - Complexity: O(n).
public func mae(_ predictions: [Prediction]) -> Double? {
    guard !predictions.isEmpty else { return nil }
    var sum = 0.0
    for p in predictions { sum += abs(Double(p.predicted) - Double(p.actual)) }
    return sum / Double(predictions.count)
}
