#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The Adam optimiser with decoupled weight decay (AdamW) over one flat parameter array.
///
/// For gradient g at step t: m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g², θ ← θ(1 − αλ) − α·m̂/(√v̂ + ε) with the
/// bias-corrected m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ). Every parameter is updated at every step, embedding rows
/// that no sample touched included (their moments keep decaying), as a dense PyTorch `AdamW` does.
public struct Adam: Sendable {
    /// The step's options.
    public let configuration: AdamConfiguration
    /// First-moment estimates, one per parameter.
    public private(set) var firstMoments: [Float]
    /// Second-moment estimates, one per parameter.
    public private(set) var secondMoments: [Float]
    /// Steps taken so far.
    public private(set) var steps = 0

    /// An optimiser for `parameterCount` parameters with zero moments.
    /// - Precondition: the configuration is valid (``AdamConfiguration/invalidField`` is `nil`).
    public init(parameterCount: Int, configuration: AdamConfiguration) {
        precondition(configuration.invalidField == nil, "invalid Adam configuration")
        self.configuration = configuration
        firstMoments = [Float](repeating: 0, count: parameterCount)
        secondMoments = [Float](repeating: 0, count: parameterCount)
    }

    /// Takes one step on `parameters` along `gradients` (∂L/∂θ, same layout).
    /// - Precondition: both arrays have the optimiser's parameter count.
    /// - Complexity: O(parameters), no allocation.
    public mutating func step(_ parameters: inout [Float], gradients: [Float]) {
        precondition(parameters.count == firstMoments.count && gradients.count == firstMoments.count,
                     "parameter or gradient count differs from the optimiser's")
        steps += 1
        let c = configuration
        let correction1 = 1 - pow(Double(c.beta1), Double(steps))
        let correction2 = 1 - pow(Double(c.beta2), Double(steps))
        let rate = Float(Double(c.learningRate) * correction2.squareRoot() / correction1)
        let epsilon = c.epsilon * Float(correction2.squareRoot())
        let decay = 1 - c.learningRate * c.weightDecay
        let count = parameters.count
        parameters.withUnsafeMutableBufferPointer { theta in
        gradients.withUnsafeBufferPointer { g in
        firstMoments.withUnsafeMutableBufferPointer { m in
        secondMoments.withUnsafeMutableBufferPointer { v in
            Self.update(theta.baseAddress!, g.baseAddress!, m.baseAddress!, v.baseAddress!, count: count,
                        beta1: c.beta1, beta2: c.beta2, rate: rate, epsilon: epsilon, decay: decay)
        }}}}
    }

    /// The element-wise update, eight lanes at a time. Uses the equivalent form α_t = α√(1 − β₂ᵗ)/(1 − β₁ᵗ),
    /// ε_t = ε√(1 − β₂ᵗ) (Kingma & Ba, section 2), so no per-element bias correction is needed.
    @inline(__always)
    private static func update(_ theta: UnsafeMutablePointer<Float>, _ g: UnsafePointer<Float>,
                               _ m: UnsafeMutablePointer<Float>, _ v: UnsafeMutablePointer<Float>, count: Int,
                               beta1: Float, beta2: Float, rate: Float, epsilon: Float, decay: Float) {
        let b1 = SIMD8<Float>(repeating: beta1), b2 = SIMD8<Float>(repeating: beta2)
        let oneMinusB1 = SIMD8<Float>(repeating: 1 - beta1), oneMinusB2 = SIMD8<Float>(repeating: 1 - beta2)
        let rate8 = SIMD8<Float>(repeating: rate), epsilon8 = SIMD8<Float>(repeating: epsilon)
        let decay8 = SIMD8<Float>(repeating: decay)
        let rt = UnsafeMutableRawPointer(theta), rg = UnsafeRawPointer(g)
        let rm = UnsafeMutableRawPointer(m), rv = UnsafeMutableRawPointer(v)
        var k = 0
        while k + 8 <= count {
            let offset = k * 4
            let gk = rg.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
            let mk = (b1 * rm.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)).multiplyAdd(oneMinusB1, gk)
            let vk = (b2 * rv.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)).multiplyAdd(oneMinusB2, gk * gk)
            let tk = rt.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self) * decay8
            rm.storeBytes(of: mk, toByteOffset: offset, as: SIMD8<Float>.self)
            rv.storeBytes(of: vk, toByteOffset: offset, as: SIMD8<Float>.self)
            rt.storeBytes(of: tk - rate8 * mk / (vk.squareRoot() + epsilon8), toByteOffset: offset, as: SIMD8<Float>.self)
            k += 8
        }
        while k < count {
            m[k] = beta1 * m[k] + (1 - beta1) * g[k]
            v[k] = beta2 * v[k] + (1 - beta2) * g[k] * g[k]
            theta[k] = theta[k] * decay - rate * m[k] / (v[k].squareRoot() + epsilon)
            k += 1
        }
    }
}
