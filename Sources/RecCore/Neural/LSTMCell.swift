#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A long short-term memory cell (Hochreiter & Schmidhuber 1997, with a forget gate, Gers et al. 2000) run over
/// a sequence, with back-propagation through time.
///
/// With z_t = [x_t; h_{t−1}] and one affine map a = W·z_t + b (a ``DenseLayer`` of 4 × hidden outputs, gates in the
/// order i, f, g, o): i = σ(a_i), f = σ(a_f), g = tanh(a_g), o = σ(a_o), c_t = f ⊙ c_{t−1} + i ⊙ g,
/// h_t = o ⊙ tanh c_t, from h_0 = c_0 = 0. The forget-gate biases start at 1 so early training remembers.
public struct LSTMCell: Sendable, Codable, Equatable {
    /// Length of each x_t.
    public let inputs: Int
    /// Length of h_t and c_t.
    public let hidden: Int
    /// The gates' affine map: 4 × hidden outputs over inputs + hidden.
    public let gates: DenseLayer

    /// Allocates W with Glorot-scaled normal entries (σ² = 1/(inputs + hidden)) and b at zero, forget gate 1.
    /// - Precondition: `inputs ≥ 1`, `hidden ≥ 1`.
    public init(inputs: Int, hidden: Int, allocator: inout ParameterAllocator, generator: inout SplitMix64) {
        precondition(inputs >= 1 && hidden >= 1, "an LSTM cell needs at least one input and one hidden unit")
        self.inputs = inputs
        self.hidden = hidden
        gates = DenseLayer(inputs: inputs + hidden, outputs: 4 * hidden,
                           standardDeviation: (1 / Float(inputs + hidden)).squareRoot(),
                           allocator: &allocator, generator: &generator)
        allocator.fill(gates.biases + hidden..<gates.biases + 2 * hidden, with: 1)
    }

    /// Runs the cell over `length` steps of `sequence` (row-major, `inputs` floats per step) and records every
    /// step in `trace`; the final hidden state is ``LSTMTrace/lastHidden``. A sequence of length 0 leaves h = 0.
    /// - Precondition: `length ≤ trace.capacity` and `trace` was made for this cell.
    /// - Complexity: O(length × hidden × (inputs + hidden)), no allocation.
    public func forward(_ parameters: UnsafePointer<Float>, sequence: UnsafePointer<Float>, length: Int,
                        trace: inout LSTMTrace) {
        precondition(length >= 0 && length <= trace.capacity && trace.hidden == hidden && trace.inputs == inputs,
                     "sequence longer than the trace, or a trace made for another cell")
        let n = inputs, h = hidden, width = n + h
        trace.length = length
        trace.concatenated.withUnsafeMutableBufferPointer { z in
        trace.gates.withUnsafeMutableBufferPointer { gateValues in
        trace.cells.withUnsafeMutableBufferPointer { cells in
        trace.cellActivations.withUnsafeMutableBufferPointer { activations in
        trace.hiddenStates.withUnsafeMutableBufferPointer { states in
            cells.baseAddress!.update(repeating: 0, count: h)
            states.baseAddress!.update(repeating: 0, count: h)
            for t in 0..<length {
                let zt = z.baseAddress! + t * width
                zt.update(from: sequence + t * n, count: n)
                (zt + n).update(from: states.baseAddress! + t * h, count: h)
                let a = gateValues.baseAddress! + t * 4 * h
                gates.forward(parameters, input: zt, output: a)
                Activation.sigmoid.apply(a, count: 2 * h)
                Activation.tanh.apply(a + 2 * h, count: h)
                Activation.sigmoid.apply(a + 3 * h, count: h)
                let previous = cells.baseAddress! + t * h, cell = previous + h
                let tanhCell = activations.baseAddress! + t * h, state = states.baseAddress! + (t + 1) * h
                for k in 0..<h {
                    cell[k] = a[h + k] * previous[k] + a[k] * a[2 * h + k]
                    tanhCell[k] = tanhf(cell[k])
                    state[k] = a[3 * h + k] * tanhCell[k]
                }
            }
        }}}}}
    }
}
