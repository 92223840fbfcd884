import RecCore

/// Central finite differences of a scalar loss: the reference every layer's hand-written backward pass is
/// checked against on a tiny network.
///
/// Float32 networks: with step 1e-2 the truncation error is O(step²·L‴) ≈ 1e-4 and rounding O(ulp·L/step) ≈ 1e-5,
/// so analytic and numeric derivatives must agree to about 1e-3; a wrong term in a backward pass is off by O(1).
struct GradientCheck {
    var step: Float = 1e-2
    var tolerance: Double = 2e-3

    /// ∂loss/∂values[k] for every k, by (loss(v + h e_k) − loss(v − h e_k)) / 2h.
    func numeric(_ values: [Float], loss: ([Float]) -> Double) -> [Double] {
        values.indices.map { k in
            var plus = values, minus = values
            plus[k] += step
            minus[k] -= step
            return (loss(plus) - loss(minus)) / Double(plus[k] - minus[k])
        }
    }

    /// The largest |analytic − numeric| / max(1, |numeric|) over all entries.
    func worstError(analytic: [Float], numeric: [Double]) -> Double {
        precondition(analytic.count == numeric.count)
        return zip(analytic, numeric).map { abs(Double($0) - $1) / max(1, abs($1)) }.max() ?? 0
    }
}

/// c·y in Double: a loss whose gradient with respect to y is exactly c.
func weightedSum(_ values: [Float], _ weights: [Float]) -> Double {
    zip(values, weights).reduce(0) { $0 + Double($1.0) * Double($1.1) }
}

func randomValues(_ count: Int, _ generator: inout SplitMix64, range: ClosedRange<Float> = -1...1) -> [Float] {
    (0..<count).map { _ in Float.random(in: range, using: &generator) }
}
