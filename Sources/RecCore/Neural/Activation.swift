#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An element-wise nonlinearity applied in place after a layer, with the derivative written in terms of its
/// output so the backward pass needs no copy of the pre-activation.
public enum Activation: String, Sendable, Codable, CaseIterable {
    /// max(0, x).
    case relu
    /// 1 / (1 + e^−x).
    case sigmoid
    /// tanh x.
    case tanh
    /// x.
    case identity

    /// Replaces each of the `count` values with its activation.
    /// - Complexity: O(count), no allocation.
    @inlinable
    public func apply(_ values: UnsafeMutablePointer<Float>, count: Int) {
        switch self {
        case .relu: for k in 0..<count { values[k] = max(0, values[k]) }
        case .sigmoid: for k in 0..<count { values[k] = Self.sigmoid(values[k]) }
        case .tanh: for k in 0..<count { values[k] = tanhf(values[k]) }
        case .identity: break
        }
    }

    /// Multiplies each gradient by the activation's derivative, given the activation's outputs: ReLU passes
    /// where the output is positive (0 at the kink), sigmoid by y(1 − y), tanh by 1 − y².
    /// - Complexity: O(count), no allocation.
    @inlinable
    public func backward(outputs: UnsafePointer<Float>, gradients: UnsafeMutablePointer<Float>, count: Int) {
        switch self {
        case .relu: for k in 0..<count where !(outputs[k] > 0) { gradients[k] = 0 }
        case .sigmoid: for k in 0..<count { gradients[k] *= outputs[k] * (1 - outputs[k]) }
        case .tanh: for k in 0..<count { gradients[k] *= 1 - outputs[k] * outputs[k] }
        case .identity: break
        }
    }

    /// The logistic function, computed without overflow for large |x|.
    @inlinable
    public static func sigmoid(_ x: Float) -> Float {
        x >= 0 ? 1 / (1 + expf(-x)) : expf(x) / (1 + expf(x))
    }
}
