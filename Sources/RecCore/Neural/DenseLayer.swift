/// A fully connected layer y = W·x + b over a network's flat parameter array (see ``ParameterAllocator``).
///
/// W is `outputs × inputs`, row-major, at ``weights``; b has `outputs` values at ``biases``. The layer holds only
/// offsets, so one value describes the layer for every copy of the parameters (the model, each worker's
/// gradient buffer, Adam's moments).
public struct DenseLayer: Sendable, Codable, Equatable {
    /// Length of x.
    public let inputs: Int
    /// Length of y.
    public let outputs: Int
    /// Offset of W in the parameter array.
    public let weights: Int
    /// Offset of b in the parameter array.
    public let biases: Int

    /// Allocates W from N(0, 2/`inputs`) (He et al. 2015, for ReLU networks; pass `standardDeviation` for
    /// another scale) and b at zero.
    /// - Precondition: `inputs ≥ 1` and `outputs ≥ 1`; configurations validate sizes before building layers.
    public init(inputs: Int, outputs: Int, standardDeviation: Float? = nil, allocator: inout ParameterAllocator,
                generator: inout SplitMix64) {
        precondition(inputs >= 1 && outputs >= 1, "a dense layer needs at least one input and one output")
        self.inputs = inputs
        self.outputs = outputs
        let deviation = standardDeviation ?? (2 / Float(inputs)).squareRoot()
        weights = allocator.allocate(inputs * outputs, standardDeviation: deviation, generator: &generator)
        biases = allocator.allocate(outputs, standardDeviation: 0, generator: &generator)
    }

    /// Parameters the layer owns: W and b.
    public var parameterCount: Int { inputs * outputs + outputs }

    /// Writes y = W·x + b.
    /// - Precondition: `output` does not overlap `input` or `parameters`.
    /// - Complexity: O(inputs × outputs), no allocation.
    @inlinable
    public func forward(_ parameters: UnsafePointer<Float>, input: UnsafePointer<Float>,
                        output: UnsafeMutablePointer<Float>) {
        MatrixVector.multiply(parameters + weights, rows: outputs, columns: inputs, input, into: output)
        VectorKernels.axpy(1, parameters + biases, output, count: outputs)
    }

    /// Back-propagates ∂L/∂y: adds ∂L/∂W = ∂L/∂y·xᵀ and ∂L/∂b = ∂L/∂y into `parameterGradients` (same layout
    /// as the parameters) and, when `inputGradient` is given, overwrites it with ∂L/∂x = Wᵀ·∂L/∂y.
    /// - Precondition: buffers do not overlap each other.
    /// - Complexity: O(inputs × outputs), no allocation.
    @inlinable
    public func backward(_ parameters: UnsafePointer<Float>, input: UnsafePointer<Float>,
                         outputGradient: UnsafePointer<Float>, inputGradient: UnsafeMutablePointer<Float>?,
                         parameterGradients: UnsafeMutablePointer<Float>) {
        for o in 0..<outputs where outputGradient[o] != 0 {
            VectorKernels.axpy(outputGradient[o], input, parameterGradients + weights + o * inputs, count: inputs)
        }
        VectorKernels.axpy(1, outputGradient, parameterGradients + biases, count: outputs)
        if let inputGradient {
            MatrixVector.multiplyTransposed(parameters + weights, rows: outputs, columns: inputs, outputGradient,
                                            into: inputGradient)
        }
    }
}
