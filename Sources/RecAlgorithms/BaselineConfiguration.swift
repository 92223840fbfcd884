/// Options for ``BaselinePredictor``: how the biases b_u and b_i are fitted.
///
/// Both methods reproduce Surprise's `BaselineOnly` (`bsl_options`) exactly, defaults included.
public struct BaselineConfiguration: Sendable, Codable, Equatable {
    /// How to fit the biases.
    public enum Method: Sendable, Codable, Equatable {
        /// Alternating least squares: each epoch sets every b_i to Σ_u (r_ui − μ − b_u) / (itemRegularization + |U(i)|),
        /// then every b_u to Σ_i (r_ui − μ − b_i) / (userRegularization + |I(u)|). Deterministic.
        /// Regularisations are in rating units counted like extra ratings at zero bias (Surprise `reg_u`, `reg_i`).
        case alternatingLeastSquares(epochs: Int = 10, userRegularization: Float = 15, itemRegularization: Float = 10)
        /// Stochastic gradient descent over the ratings grouped by user, in first-appearance order as Surprise
        /// does: err = r − (μ + b_u + b_i); b_u += learningRate·(err − regularization·b_u); likewise b_i.
        case stochasticGradientDescent(epochs: Int = 20, learningRate: Float = 0.005, regularization: Float = 0.02)
    }

    /// How to fit the biases; defaults to ALS with Surprise's defaults.
    public var method: Method

    /// Creates a configuration.
    public init(method: Method = .alternatingLeastSquares()) {
        self.method = method
    }

    /// Checks every value is in range.
    /// - Throws: `AlgorithmError` with code `.invalidConfiguration` naming the field, what was expected and found.
    public func validate() throws {
        let name = "BaselineConfiguration"
        switch method {
        case let .alternatingLeastSquares(epochs, userRegularization, itemRegularization):
            if epochs < 0 { throw AlgorithmError.invalidConfiguration(name, field: "epochs", expected: "an integer ≥ 0", found: "\(epochs)") }
            if !(userRegularization >= 0) {
                throw AlgorithmError.invalidConfiguration(name, field: "userRegularization", expected: "a number ≥ 0", found: "\(userRegularization)")
            }
            if !(itemRegularization >= 0) {
                throw AlgorithmError.invalidConfiguration(name, field: "itemRegularization", expected: "a number ≥ 0", found: "\(itemRegularization)")
            }
        case let .stochasticGradientDescent(epochs, learningRate, regularization):
            if epochs < 0 { throw AlgorithmError.invalidConfiguration(name, field: "epochs", expected: "an integer ≥ 0", found: "\(epochs)") }
            if !(learningRate > 0) {
                throw AlgorithmError.invalidConfiguration(name, field: "learningRate", expected: "a number > 0", found: "\(learningRate)")
            }
            if !(regularization >= 0) {
                throw AlgorithmError.invalidConfiguration(name, field: "regularization", expected: "a number ≥ 0", found: "\(regularization)")
            }
        }
    }
}
