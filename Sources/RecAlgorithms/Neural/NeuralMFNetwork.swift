import RecCore

/// The layers of ``NeuralMF`` over one flat parameter array, with hand-written forward and backward passes.
///
/// For user u and item i with embeddings p_u, q_i and item features f_i: z = [p_u ; q_i ; f_i] runs through the
/// hidden ReLU layers (dropout after each while training) to m; the output layer reads [p_u ⊙ q_i ; m] (the GMF
/// branch of NeuMF, He et al. 2017, beside the MLP) and the prediction is μ + b_u + b_i + output, with b_u and b_i
/// learned one-float embeddings initialised to the baseline's biases.
public struct NeuralMFNetwork: Sendable, Codable, Equatable {
    /// μ of the training ratings.
    public let globalMean: Float
    /// p_u, one row per training user.
    public let userEmbeddings: EmbeddingTable
    /// q_i, one row per training item.
    public let itemEmbeddings: EmbeddingTable
    /// b_u.
    public let userBiases: EmbeddingTable
    /// b_i.
    public let itemBiases: EmbeddingTable
    /// The MLP's hidden layers, input side first; each is followed by ReLU and dropout.
    public let hiddenLayers: [DenseLayer]
    /// The output layer over [p_u ⊙ q_i ; m].
    public let output: DenseLayer
    /// Dropout after each hidden layer.
    public let dropout: Dropout
    /// Floats of item features per item.
    public let featureDimension: Int

    /// Allocates every layer from `allocator` in a fixed order (embeddings, biases, hidden layers, output).
    init(users: Int, items: Int, baseline: BaselineBiases, featureDimension: Int, configuration: NeuralMFConfiguration,
         allocator: inout ParameterAllocator, generator: inout SplitMix64) {
        let k = configuration.factors
        globalMean = baseline.globalMean
        userEmbeddings = EmbeddingTable(rows: users, dimension: k, standardDeviation: configuration.embeddingStandardDeviation,
                                        allocator: &allocator, generator: &generator)
        itemEmbeddings = EmbeddingTable(rows: items, dimension: k, standardDeviation: configuration.embeddingStandardDeviation,
                                        allocator: &allocator, generator: &generator)
        userBiases = EmbeddingTable(initial: baseline.userBiases, dimension: 1, allocator: &allocator)
        itemBiases = EmbeddingTable(initial: baseline.itemBiases, dimension: 1, allocator: &allocator)
        var inputs = 2 * k + featureDimension
        var layers: [DenseLayer] = []
        for width in configuration.hiddenLayers {
            layers.append(DenseLayer(inputs: inputs, outputs: width, allocator: &allocator, generator: &generator))
            inputs = width
        }
        hiddenLayers = layers
        output = DenseLayer(inputs: k + inputs, outputs: 1, standardDeviation: (1 / Float(k + inputs)).squareRoot(),
                            allocator: &allocator, generator: &generator)
        dropout = Dropout(rate: configuration.dropout)
        self.featureDimension = featureDimension
    }

    var factors: Int { userEmbeddings.dimension }
    var inputWidth: Int { 2 * factors + featureDimension }

    /// Offsets into one worker's scratch buffer: z, each hidden layer's output and dropout mask, the output
    /// layer's input and two gradient buffers as wide as the widest layer.
    struct Workspace {
        let hiddenOutputs: [Int]
        let masks: [Int]
        let outputInput: Int
        let gradientA: Int
        let gradientB: Int
        let size: Int

        init(_ network: NeuralMFNetwork) {
            var offset = network.inputWidth
            var outputs: [Int] = [], masks: [Int] = []
            for layer in network.hiddenLayers {
                outputs.append(offset)
                masks.append(offset + layer.outputs)
                offset += 2 * layer.outputs
            }
            hiddenOutputs = outputs
            self.masks = masks
            outputInput = offset
            offset += network.output.inputs
            let widest = max(network.inputWidth, network.output.inputs, network.hiddenLayers.map(\.outputs).max() ?? 0)
            gradientA = offset
            gradientB = offset + widest
            size = offset + 2 * widest
        }
    }

    /// The prediction μ + b_u + b_i + output for user row `user` and item row `item` (whose features are row `item`
    /// of `features`, all items' features row-major), leaving every intermediate in
    /// `scratch` for ``backward(_:user:item:gradient:workspace:scratch:parameterGradients:)``. With a
    /// generator, dropout masks are drawn (training); without, dropout is the identity.
    /// - Complexity: O(Σ layer inputs × outputs), no allocation.
    func forward(_ parameters: UnsafePointer<Float>, user: Int, item: Int, features: UnsafeBufferPointer<Float>,
                 workspace: Workspace, scratch: UnsafeMutablePointer<Float>, generator: inout SplitMix64?) -> Float {
        let k = factors
        let p = parameters + userEmbeddings.start(of: user), q = parameters + itemEmbeddings.start(of: item)
        scratch.update(from: p, count: k)
        (scratch + k).update(from: q, count: k)
        if featureDimension > 0 {
            (scratch + 2 * k).update(from: features.baseAddress! + item * featureDimension, count: featureDimension)
        }
        var input = UnsafePointer(scratch)
        for (index, layer) in hiddenLayers.enumerated() {
            let out = scratch + workspace.hiddenOutputs[index]
            layer.forward(parameters, input: input, output: out)
            Activation.relu.apply(out, count: layer.outputs)
            if generator != nil {
                dropout.forward(out, mask: scratch + workspace.masks[index], count: layer.outputs, generator: &generator!)
            }
            input = UnsafePointer(out)
        }
        let last = scratch + workspace.outputInput
        for d in 0..<k { last[d] = p[d] * q[d] }
        (last + k).update(from: input, count: output.inputs - k)
        var value: Float = 0
        output.forward(parameters, input: last, output: &value)
        return globalMean + parameters[userBiases.start(of: user)] + parameters[itemBiases.start(of: item)] + value
    }

    /// Adds ∂L/∂θ into `parameterGradients` for `gradient` = ∂L/∂prediction of the last training-mode forward pass
    /// on `scratch`, plus `penalty` × (p_u, q_i, b_u, b_i) for an L2 term on the embeddings this rating used.
    /// - Complexity: O(Σ layer inputs × outputs), no allocation.
    func backward(_ parameters: UnsafePointer<Float>, user: Int, item: Int, gradient: Float, penalty: Float = 0,
                  workspace: Workspace, scratch: UnsafeMutablePointer<Float>,
                  parameterGradients: UnsafeMutablePointer<Float>) {
        let k = factors
        let userBias = userBiases.start(of: user), itemBias = itemBiases.start(of: item)
        parameterGradients[userBias] += gradient + penalty * parameters[userBias]
        parameterGradients[itemBias] += gradient + penalty * parameters[itemBias]
        let a = scratch + workspace.gradientA, b = scratch + workspace.gradientB
        var outputGradient = gradient
        output.backward(parameters, input: scratch + workspace.outputInput, outputGradient: &outputGradient,
                        inputGradient: a, parameterGradients: parameterGradients)
        let p = parameters + userEmbeddings.start(of: user), q = parameters + itemEmbeddings.start(of: item)
        let dp = parameterGradients + userEmbeddings.start(of: user), dq = parameterGradients + itemEmbeddings.start(of: item)
        for d in 0..<k {
            dp[d] += a[d] * q[d] + penalty * p[d]
            dq[d] += a[d] * p[d] + penalty * q[d]
        }
        b.update(from: a + k, count: output.inputs - k)
        for index in hiddenLayers.indices.reversed() {
            let layer = hiddenLayers[index], out = scratch + workspace.hiddenOutputs[index]
            dropout.backward(mask: scratch + workspace.masks[index], gradients: b, count: layer.outputs)
            Activation.relu.backward(outputs: out, gradients: b, count: layer.outputs)
            let input = index == 0 ? scratch : scratch + workspace.hiddenOutputs[index - 1]
            layer.backward(parameters, input: input, outputGradient: b, inputGradient: a, parameterGradients: parameterGradients)
            b.update(from: a, count: layer.inputs)
        }
        VectorKernels.axpy(1, b, dp, count: k)
        VectorKernels.axpy(1, b + k, dq, count: k)
    }
}
