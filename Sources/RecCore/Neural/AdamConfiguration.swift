/// Options for ``Adam``: Kingma & Ba (2015)'s step with decoupled weight decay (AdamW, Loshchilov & Hutter 2019).
public struct AdamConfiguration: Sendable, Codable, Equatable {
    /// Step size α, in parameter units per step.
    public var learningRate: Float
    /// Decay β₁ of the first-moment (mean gradient) estimate, in [0, 1).
    public var beta1: Float
    /// Decay β₂ of the second-moment (squared gradient) estimate, in [0, 1).
    public var beta2: Float
    /// ε added to √v̂ so the step stays bounded where gradients vanish.
    public var epsilon: Float
    /// Decoupled weight decay λ: each step also multiplies every parameter by 1 − α·λ.
    public var weightDecay: Float

    /// Creates a configuration; the defaults are the paper's (α 0.001, β₁ 0.9, β₂ 0.999, ε 1e-8), without decay.
    public init(learningRate: Float = 0.001, beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-8,
                weightDecay: Float = 0) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
    }

    /// The first field outside its range, with what was expected and what was found; `nil` when all are valid.
    /// Algorithms turn it into their own error type.
    public var invalidField: (field: String, expected: String, found: String)? {
        if !(learningRate > 0 && learningRate.isFinite) { return ("learningRate", "a finite number > 0", "\(learningRate)") }
        if !(beta1 >= 0 && beta1 < 1) { return ("beta1", "a number in [0, 1)", "\(beta1)") }
        if !(beta2 >= 0 && beta2 < 1) { return ("beta2", "a number in [0, 1)", "\(beta2)") }
        if !(epsilon > 0 && epsilon.isFinite) { return ("epsilon", "a finite number > 0", "\(epsilon)") }
        if !(weightDecay >= 0 && weightDecay.isFinite) { return ("weightDecay", "a finite number ≥ 0", "\(weightDecay)") }
        return nil
    }
}
