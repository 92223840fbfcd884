/// What an ``LSTMCell``'s forward pass over one sequence keeps for its backward pass, plus the scratch the
/// backward pass needs: allocated once per worker for the longest sequence, reused for every sample, so the
/// training loop does not allocate.
public struct LSTMTrace: Sendable {
    /// Longest sequence the trace can hold.
    public let capacity: Int
    let inputs: Int
    let hidden: Int
    /// Per step, z_t = [x_t; h_{t−1}] (inputs + hidden floats).
    var concatenated: [Float]
    /// Per step, the activated gates i, f, g, o (4 × hidden floats).
    var gates: [Float]
    /// c_0 … c_T (hidden floats each; c_0 = 0).
    var cells: [Float]
    /// Per step, tanh c_t.
    var cellActivations: [Float]
    /// h_0 … h_T (h_0 = 0).
    var hiddenStates: [Float]
    /// Backward scratch: ∂L/∂(gate pre-activations), ∂L/∂z, ∂L/∂h and ∂L/∂c.
    var gateGradients: [Float]
    var concatenatedGradient: [Float]
    var hiddenGradient: [Float]
    var cellGradient: [Float]
    /// Steps of the last forward pass.
    public internal(set) var length = 0

    /// A trace for `cell` and sequences of at most `capacity` steps.
    /// - Complexity: O(capacity × (inputs + hidden)) memory.
    public init(for cell: LSTMCell, capacity: Int) {
        self.capacity = capacity
        inputs = cell.inputs
        hidden = cell.hidden
        let width = cell.inputs + cell.hidden
        concatenated = [Float](repeating: 0, count: capacity * width)
        gates = [Float](repeating: 0, count: capacity * 4 * cell.hidden)
        cells = [Float](repeating: 0, count: (capacity + 1) * cell.hidden)
        cellActivations = [Float](repeating: 0, count: capacity * cell.hidden)
        hiddenStates = [Float](repeating: 0, count: (capacity + 1) * cell.hidden)
        gateGradients = [Float](repeating: 0, count: 4 * cell.hidden)
        concatenatedGradient = [Float](repeating: 0, count: width)
        hiddenGradient = [Float](repeating: 0, count: cell.hidden)
        cellGradient = [Float](repeating: 0, count: cell.hidden)
    }

    /// h_T, the hidden state after the last step of the last forward pass (zeros for an empty sequence).
    public var lastHidden: ArraySlice<Float> { hiddenStates[length * hidden..<(length + 1) * hidden] }
}
