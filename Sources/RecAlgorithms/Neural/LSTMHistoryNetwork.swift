import RecCore

/// The layers of ``LSTMHistory`` over one flat parameter array, with hand-written forward and backward passes.
///
/// Each of the user's previous ratings, oldest first, is one LSTM step x_j = [q_j ; r_j − μ ; f_j] (item embedding,
/// centred rating, item features). The final hidden state h joins the target item's embedding and features,
/// z = [h ; q_i ; f_i], which a ReLU layer (dropout while training) and a linear output turn into the residual over
/// μ + b_u + b_i (learned one-float embeddings initialised to the baseline's biases). With no previous rating h = 0,
/// so a user's first rating is predicted from the target item and the biases alone.
public struct LSTMHistoryNetwork: Sendable, Codable, Equatable {
    /// μ of the training ratings.
    public let globalMean: Float
    /// q, one row per training item, for history steps and targets alike.
    public let itemEmbeddings: EmbeddingTable
    /// b_u.
    public let userBiases: EmbeddingTable
    /// b_i.
    public let itemBiases: EmbeddingTable
    /// The recurrent cell over history steps.
    public let cell: LSTMCell
    /// The ReLU layer over z.
    public let hiddenLayer: DenseLayer
    /// The linear output.
    public let output: DenseLayer
    /// Dropout after the ReLU layer.
    public let dropout: Dropout
    /// Floats of item features per item.
    public let featureDimension: Int
    /// Previous ratings read per prediction.
    public let historyLength: Int

    init(items: Int, baseline: BaselineBiases, featureDimension: Int, configuration: LSTMHistoryConfiguration,
         allocator: inout ParameterAllocator, generator: inout SplitMix64) {
        let d = configuration.itemFactors
        globalMean = baseline.globalMean
        itemEmbeddings = EmbeddingTable(rows: items, dimension: d, standardDeviation: configuration.embeddingStandardDeviation,
                                        allocator: &allocator, generator: &generator)
        userBiases = EmbeddingTable(initial: baseline.userBiases, dimension: 1, allocator: &allocator)
        itemBiases = EmbeddingTable(initial: baseline.itemBiases, dimension: 1, allocator: &allocator)
        cell = LSTMCell(inputs: d + 1 + featureDimension, hidden: configuration.hiddenUnits, allocator: &allocator,
                        generator: &generator)
        hiddenLayer = DenseLayer(inputs: configuration.hiddenUnits + d + featureDimension,
                                 outputs: configuration.outputHiddenUnits, allocator: &allocator, generator: &generator)
        output = DenseLayer(inputs: configuration.outputHiddenUnits, outputs: 1,
                            standardDeviation: (1 / Float(configuration.outputHiddenUnits)).squareRoot(),
                            allocator: &allocator, generator: &generator)
        dropout = Dropout(rate: configuration.dropout)
        self.featureDimension = featureDimension
        historyLength = configuration.historyLength
    }

    /// Offsets into one worker's scratch buffer.
    struct Workspace {
        let sequence = 0
        let sequenceGradient: Int
        let z: Int
        let hidden: Int
        let mask: Int
        let zGradient: Int
        let hiddenGradient: Int
        let size: Int

        init(_ network: LSTMHistoryNetwork) {
            let steps = network.historyLength * network.cell.inputs
            sequenceGradient = steps
            z = 2 * steps
            hidden = z + network.hiddenLayer.inputs
            mask = hidden + network.hiddenLayer.outputs
            zGradient = mask + network.hiddenLayer.outputs
            hiddenGradient = zGradient + network.hiddenLayer.inputs
            size = hiddenGradient + network.hiddenLayer.outputs
        }
    }

    /// Runs the LSTM over `history` (entry indices, oldest first) and leaves h in `trace.lastHidden`.
    /// - Complexity: O(steps × hidden × (inputs + hidden)), no allocation.
    func encode(_ parameters: UnsafePointer<Float>, history: ArraySlice<Int32>, entryItems: UnsafeBufferPointer<Int32>,
                entryValues: UnsafeBufferPointer<Float>, features: UnsafeBufferPointer<Float>, workspace: Workspace,
                scratch: UnsafeMutablePointer<Float>, trace: inout LSTMTrace) {
        let n = cell.inputs, d = itemEmbeddings.dimension
        for (step, entry) in history.enumerated() {
            let x = scratch + workspace.sequence + step * n, item = Int(entryItems[Int(entry)])
            x.update(from: parameters + itemEmbeddings.start(of: item), count: d)
            x[d] = entryValues[Int(entry)] - globalMean
            if featureDimension > 0 {
                (x + d + 1).update(from: features.baseAddress! + item * featureDimension, count: featureDimension)
            }
        }
        cell.forward(parameters, sequence: scratch + workspace.sequence, length: history.count, trace: &trace)
    }

    /// The prediction from a user's history state `state` (h, `cell.hidden` floats) for item row `item`, leaving the
    /// intermediates in `scratch`; dropout masks are drawn when a generator is given.
    /// - Complexity: O(hidden layer inputs × outputs), no allocation.
    func predict(_ parameters: UnsafePointer<Float>, state: UnsafePointer<Float>, user: Int, item: Int,
                 features: UnsafeBufferPointer<Float>, workspace: Workspace, scratch: UnsafeMutablePointer<Float>,
                 generator: inout SplitMix64?) -> Float {
        let h = cell.hidden, d = itemEmbeddings.dimension
        let z = scratch + workspace.z, out = scratch + workspace.hidden
        z.update(from: state, count: h)
        (z + h).update(from: parameters + itemEmbeddings.start(of: item), count: d)
        if featureDimension > 0 {
            (z + h + d).update(from: features.baseAddress! + item * featureDimension, count: featureDimension)
        }
        hiddenLayer.forward(parameters, input: z, output: out)
        Activation.relu.apply(out, count: hiddenLayer.outputs)
        if generator != nil {
            dropout.forward(out, mask: scratch + workspace.mask, count: hiddenLayer.outputs, generator: &generator!)
        }
        var value: Float = 0
        output.forward(parameters, input: out, output: &value)
        return globalMean + parameters[userBiases.start(of: user)] + parameters[itemBiases.start(of: item)] + value
    }

    /// Adds ∂L/∂θ for `gradient` = ∂L/∂prediction of the last training-mode ``encode`` and ``predict`` on `scratch`
    /// and `trace` (the same `history`), through the head, the LSTM and the history's item embeddings.
    /// - Complexity: O(steps × hidden × (inputs + hidden) + hidden layer inputs × outputs), no allocation.
    func backward(_ parameters: UnsafePointer<Float>, user: Int, item: Int, history: ArraySlice<Int32>,
                  entryItems: UnsafeBufferPointer<Int32>, gradient: Float, workspace: Workspace,
                  scratch: UnsafeMutablePointer<Float>, trace: inout LSTMTrace,
                  parameterGradients: UnsafeMutablePointer<Float>) {
        let h = cell.hidden, n = cell.inputs
        parameterGradients[userBiases.start(of: user)] += gradient
        parameterGradients[itemBiases.start(of: item)] += gradient
        let out = scratch + workspace.hidden, outGradient = scratch + workspace.hiddenGradient
        let zGradient = scratch + workspace.zGradient
        var outputGradient = gradient
        output.backward(parameters, input: out, outputGradient: &outputGradient, inputGradient: outGradient,
                        parameterGradients: parameterGradients)
        dropout.backward(mask: scratch + workspace.mask, gradients: outGradient, count: hiddenLayer.outputs)
        Activation.relu.backward(outputs: out, gradients: outGradient, count: hiddenLayer.outputs)
        hiddenLayer.backward(parameters, input: scratch + workspace.z, outputGradient: outGradient,
                             inputGradient: zGradient, parameterGradients: parameterGradients)
        itemEmbeddings.backward(item, outputGradient: zGradient + h, parameterGradients: parameterGradients)
        guard !history.isEmpty else { return }
        let sequenceGradient = scratch + workspace.sequenceGradient
        cell.backward(parameters, hiddenGradient: zGradient, trace: &trace, parameterGradients: parameterGradients,
                      sequenceGradient: sequenceGradient)
        for (step, entry) in history.enumerated() {
            itemEmbeddings.backward(Int(entryItems[Int(entry)]), outputGradient: sequenceGradient + step * n,
                                    parameterGradients: parameterGradients)
        }
    }
}
