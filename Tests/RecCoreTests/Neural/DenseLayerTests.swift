import Testing
import RecCore

@Suite struct DenseLayerTests {
    static func network(inputs: Int, outputs: Int, seed: UInt64) -> (DenseLayer, [Float]) {
        var allocator = ParameterAllocator()
        var generator = SplitMix64(seed: seed)
        let layer = DenseLayer(inputs: inputs, outputs: outputs, allocator: &allocator, generator: &generator)
        var parameters = allocator.values
        for k in layer.biases..<layer.biases + outputs { parameters[k] = Float.random(in: -0.5...0.5, using: &generator) }
        return (layer, parameters)
    }

    static func forward(_ layer: DenseLayer, _ parameters: [Float], _ input: [Float], _ activation: Activation) -> [Float] {
        var output = [Float](repeating: .nan, count: layer.outputs)
        parameters.withUnsafeBufferPointer { p in
            input.withUnsafeBufferPointer { x in
                output.withUnsafeMutableBufferPointer { y in
                    layer.forward(p.baseAddress!, input: x.baseAddress!, output: y.baseAddress!)
                    activation.apply(y.baseAddress!, count: layer.outputs)
                }
            }
        }
        return output
    }

    @Test func forwardIsWeightsTimesInputPlusBias() {
        let (layer, parameters) = Self.network(inputs: 3, outputs: 2, seed: 1)
        let x: [Float] = [0.5, -1, 2]
        let y = Self.forward(layer, parameters, x, .identity)
        for o in 0..<2 {
            var expected = Double(parameters[layer.biases + o])
            for i in 0..<3 { expected += Double(parameters[layer.weights + o * 3 + i]) * Double(x[i]) }
            #expect(abs(Double(y[o]) - expected) < 1e-5)
        }
    }

    /// Dense layer followed by each activation, L = c·act(W·x + b): parameter and input gradients against
    /// central differences. Sizes 5 → 11 cross the 8-lane kernels' block edge.
    @Test(arguments: Activation.allCases)
    func gradientsMatchFiniteDifferences(activation: Activation) {
        let (layer, parameters) = Self.network(inputs: 5, outputs: 11, seed: 2)
        var generator = SplitMix64(seed: 3)
        let x = randomValues(5, &generator)
        let c = randomValues(11, &generator)
        let y = Self.forward(layer, parameters, x, activation)
        var outputGradient = c
        var parameterGradients = [Float](repeating: 0, count: parameters.count)
        var inputGradient = [Float](repeating: .nan, count: 5)
        parameters.withUnsafeBufferPointer { p in
        x.withUnsafeBufferPointer { x in
        y.withUnsafeBufferPointer { y in
        outputGradient.withUnsafeMutableBufferPointer { dy in
        parameterGradients.withUnsafeMutableBufferPointer { dp in
        inputGradient.withUnsafeMutableBufferPointer { dx in
            activation.backward(outputs: y.baseAddress!, gradients: dy.baseAddress!, count: 11)
            layer.backward(p.baseAddress!, input: x.baseAddress!, outputGradient: dy.baseAddress!,
                           inputGradient: dx.baseAddress!, parameterGradients: dp.baseAddress!)
        }}}}}}
        let check = GradientCheck()
        let numericParameters = check.numeric(parameters) { weightedSum(Self.forward(layer, $0, x, activation), c) }
        let numericInputs = check.numeric(x) { weightedSum(Self.forward(layer, parameters, $0, activation), c) }
        #expect(check.worstError(analytic: parameterGradients, numeric: numericParameters) < check.tolerance)
        #expect(check.worstError(analytic: inputGradient, numeric: numericInputs) < check.tolerance)
    }

    @Test func backwardAccumulatesIntoExistingGradients() {
        let (layer, parameters) = Self.network(inputs: 2, outputs: 2, seed: 4)
        let x: [Float] = [1, 2], dy: [Float] = [1, -1]
        var gradients = [Float](repeating: 1, count: parameters.count)
        parameters.withUnsafeBufferPointer { p in
            x.withUnsafeBufferPointer { x in
                dy.withUnsafeBufferPointer { dy in
                    gradients.withUnsafeMutableBufferPointer { dp in
                        layer.backward(p.baseAddress!, input: x.baseAddress!, outputGradient: dy.baseAddress!,
                                       inputGradient: nil, parameterGradients: dp.baseAddress!)
                    }
                }
            }
        }
        #expect(gradients[layer.weights..<layer.weights + 4] == [2, 3, 0, -1])
        #expect(gradients[layer.biases..<layer.biases + 2] == [2, 0])
    }
}
