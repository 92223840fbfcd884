import Testing
import RecCore

@Suite struct LSTMCellTests {
    static let inputs = 3, hidden = 4

    static func cell(seed: UInt64) -> (LSTMCell, [Float]) {
        var allocator = ParameterAllocator()
        var generator = SplitMix64(seed: seed)
        _ = DenseLayer(inputs: 2, outputs: 2, allocator: &allocator, generator: &generator)
        let cell = LSTMCell(inputs: inputs, hidden: hidden, allocator: &allocator, generator: &generator)
        var parameters = allocator.values
        // Spread the biases so every gate works away from its initial value.
        for k in cell.gates.biases..<cell.gates.biases + 4 * hidden { parameters[k] += Float.random(in: -0.5...0.5, using: &generator) }
        return (cell, parameters)
    }

    static func lastHidden(_ cell: LSTMCell, _ parameters: [Float], _ sequence: [Float], length: Int) -> [Float] {
        var trace = LSTMTrace(for: cell, capacity: 5)
        parameters.withUnsafeBufferPointer { p in
            sequence.withUnsafeBufferPointer { s in
                cell.forward(p.baseAddress!, sequence: s.baseAddress!, length: length, trace: &trace)
            }
        }
        return Array(trace.lastHidden)
    }

    /// L = c·h_T over 1, 2 and 4 steps: back-propagation through time against central differences, for every
    /// weight and bias of the cell and every element of the sequence.
    @Test(arguments: [1, 2, 4])
    func gradientsMatchFiniteDifferences(length: Int) {
        let (cell, parameters) = Self.cell(seed: 9)
        var generator = SplitMix64(seed: UInt64(10 + length))
        let sequence = randomValues(length * Self.inputs, &generator, range: -2...2)
        let c = randomValues(Self.hidden, &generator)
        var trace = LSTMTrace(for: cell, capacity: 5)
        var parameterGradients = [Float](repeating: 0, count: parameters.count)
        var sequenceGradient = [Float](repeating: .nan, count: sequence.count)
        parameters.withUnsafeBufferPointer { p in
        sequence.withUnsafeBufferPointer { s in
        c.withUnsafeBufferPointer { dh in
        parameterGradients.withUnsafeMutableBufferPointer { dp in
        sequenceGradient.withUnsafeMutableBufferPointer { ds in
            cell.forward(p.baseAddress!, sequence: s.baseAddress!, length: length, trace: &trace)
            cell.backward(p.baseAddress!, hiddenGradient: dh.baseAddress!, trace: &trace,
                          parameterGradients: dp.baseAddress!, sequenceGradient: ds.baseAddress!)
        }}}}}
        let check = GradientCheck()
        let numericParameters = check.numeric(parameters) { weightedSum(Self.lastHidden(cell, $0, sequence, length: length), c) }
        let numericSequence = check.numeric(sequence) { weightedSum(Self.lastHidden(cell, parameters, $0, length: length), c) }
        #expect(check.worstError(analytic: parameterGradients, numeric: numericParameters) < check.tolerance)
        #expect(check.worstError(analytic: sequenceGradient, numeric: numericSequence) < check.tolerance)
        #expect(parameterGradients[..<6].allSatisfy { $0 == 0 }, "parameters of other layers get no gradient")
    }

    @Test func emptySequenceLeavesTheStateAtZeroAndHasNoGradient() {
        let (cell, parameters) = Self.cell(seed: 9)
        var trace = LSTMTrace(for: cell, capacity: 2)
        var gradients = [Float](repeating: 0, count: parameters.count)
        let c: [Float] = [1, 1, 1, 1], empty: [Float] = [0]
        parameters.withUnsafeBufferPointer { p in
            empty.withUnsafeBufferPointer { s in
                c.withUnsafeBufferPointer { dh in
                    gradients.withUnsafeMutableBufferPointer { dp in
                        cell.forward(p.baseAddress!, sequence: s.baseAddress!, length: 0, trace: &trace)
                        cell.backward(p.baseAddress!, hiddenGradient: dh.baseAddress!, trace: &trace,
                                      parameterGradients: dp.baseAddress!, sequenceGradient: nil)
                    }
                }
            }
        }
        #expect(Array(trace.lastHidden) == [0, 0, 0, 0])
        #expect(gradients.allSatisfy { $0 == 0 })
    }

    @Test func forgetGateBiasesStartAtOne() {
        var allocator = ParameterAllocator()
        var generator = SplitMix64(seed: 1)
        let cell = LSTMCell(inputs: 2, hidden: 3, allocator: &allocator, generator: &generator)
        let biases = Array(allocator.values[cell.gates.biases..<cell.gates.biases + 12])
        #expect(biases == [0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0])
    }
}
