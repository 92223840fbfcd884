import RecCore

/// The layers of ``AutoRec`` over one flat parameter array, with hand-written forward and backward passes.
///
/// Item i's partially observed rating vector r_i (one entry per user who rated it) is encoded as
/// h_i = act(Σ_u r_ui V_u + b) — an embedding bag over the raters — and decoded for user u as
/// r̂_ui = W_u · h_i + c_u. Training touches only observed entries, so an item costs O(raters × hidden units).
public struct AutoRecNetwork: Sendable, Codable, Equatable {
    /// V: one row of hidden-unit weights per user.
    public let encoder: EmbeddingTable
    /// b: one row of hidden units.
    public let encoderBias: EmbeddingTable
    /// W: one row of hidden-unit weights per user.
    public let decoder: EmbeddingTable
    /// c: one float per user, initialised to the baseline's μ + b_u.
    public let decoderBias: EmbeddingTable
    /// The encoder's nonlinearity.
    public let activation: Activation

    init(users: Int, baseline: BaselineBiases, configuration: AutoRecConfiguration, allocator: inout ParameterAllocator,
         generator: inout SplitMix64) {
        let hidden = configuration.hiddenUnits, deviation = configuration.initialStandardDeviation
        encoder = EmbeddingTable(rows: users, dimension: hidden, standardDeviation: deviation, allocator: &allocator,
                                 generator: &generator)
        encoderBias = EmbeddingTable(rows: 1, dimension: hidden, standardDeviation: 0, allocator: &allocator,
                                     generator: &generator)
        decoder = EmbeddingTable(rows: users, dimension: hidden, standardDeviation: deviation, allocator: &allocator,
                                 generator: &generator)
        decoderBias = EmbeddingTable(initial: baseline.userBiases.map { baseline.globalMean + $0 }, dimension: 1,
                                     allocator: &allocator)
        activation = configuration.activation
    }

    /// Where V and W lie in the parameter array: what the L2 penalty covers (biases are not penalised).
    var weightRanges: [Range<Int>] {
        [encoder.offset..<encoder.offset + encoder.rows * encoder.dimension,
         decoder.offset..<decoder.offset + decoder.rows * decoder.dimension]
    }

    /// Hidden units per code.
    public var hiddenUnits: Int { encoder.dimension }

    /// Writes item code h = act(b + Σ r_u V_u) over the raters `users` with ratings `values` into `code`.
    /// - Complexity: O(raters × hidden units), no allocation.
    func encode(_ parameters: UnsafePointer<Float>, users: UnsafeBufferPointer<Int32>, values: UnsafeBufferPointer<Float>,
                into code: UnsafeMutablePointer<Float>) {
        code.update(from: parameters + encoderBias.offset, count: hiddenUnits)
        for (user, value) in zip(users, values) { encoder.addRow(Int(user), weight: value, of: parameters, to: code) }
        activation.apply(code, count: hiddenUnits)
    }

    /// r̂_ui = W_u · h + c_u.
    @inline(__always)
    func decode(_ parameters: UnsafePointer<Float>, user: Int, code: UnsafePointer<Float>) -> Float {
        VectorKernels.dot(parameters + decoder.start(of: user), code, count: hiddenUnits)
            + parameters[decoderBias.start(of: user)]
    }

    /// Encodes one item from its raters, decodes every rater's rating, and adds the gradient of
    /// Σ_u (r̂_ui − r_ui)² / `batchSize` into `gradients`; returns the squared error. `scratch` holds 2 × hidden units.
    /// - Complexity: O(raters × hidden units), no allocation.
    func accumulateGradient(_ parameters: UnsafePointer<Float>, users: UnsafeBufferPointer<Int32>,
                            values: UnsafeBufferPointer<Float>, batchSize: Int, scratch: UnsafeMutablePointer<Float>,
                            gradients: UnsafeMutablePointer<Float>) -> Double {
        let hidden = hiddenUnits, code = scratch, codeGradient = scratch + hidden
        encode(parameters, users: users, values: values, into: code)
        codeGradient.update(repeating: 0, count: hidden)
        var squaredError = 0.0
        for (user, value) in zip(users, values) {
            let u = Int(user)
            let prediction = decode(parameters, user: u, code: code)
            squaredError += Double(MeanSquaredError.loss(prediction: prediction, target: value))
            let g = MeanSquaredError.gradient(prediction: prediction, target: value, batchSize: batchSize)
            VectorKernels.axpy(g, parameters + decoder.start(of: u), codeGradient, count: hidden)
            decoder.backward(u, weight: g, outputGradient: code, parameterGradients: gradients)
            gradients[decoderBias.start(of: u)] += g
        }
        activation.backward(outputs: code, gradients: codeGradient, count: hidden)
        encoderBias.backward(0, outputGradient: codeGradient, parameterGradients: gradients)
        for (user, value) in zip(users, values) {
            encoder.backward(Int(user), weight: value, outputGradient: codeGradient, parameterGradients: gradients)
        }
        return squaredError
    }
}
