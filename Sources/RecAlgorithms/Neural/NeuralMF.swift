import RecCore

/// Neural matrix factorisation for rating prediction: learned user and item embeddings plus item content
/// features through an MLP, beside a GMF product, as a residual over the baseline biases (see
/// ``NeuralMFNetwork`` for the architecture), trained with Adam on mean squared error.
///
/// Unknown users or items fall back to the learned bias terms that exist (μ + b_u, μ + b_i or μ); predictions are
/// clipped to the training scale. Deterministic for a seed and `training.threads`.
public struct NeuralMF: RatingPredictor, Codable, DenseRatingEstimator {
    /// Users the model was trained on, indexing the user embeddings.
    public let users: IDIndex<UserID>
    /// Items the model was trained on, indexing the item embeddings and ``features``.
    public let items: IDIndex<ItemID>
    /// The scale predictions are clipped to.
    public let scale: RatingScale
    /// The layers, as offsets into ``parameters``.
    public let network: NeuralMFNetwork
    /// Every trained weight, in the layout of ``network``.
    public let parameters: [Float]
    /// The item features the network reads, row-aligned with ``items``.
    public let features: ItemFeatures
    /// Learning curve and kept epoch.
    public let history: NeuralTrainingHistory

    /// Trains the network on the ratings of `matrix`.
    ///
    /// The baseline biases (``BaselinePredictor``, ALS) initialise b_u and b_i; a `training.validationFraction`
    /// share of ratings is held out for early stopping, and the model keeps the best epoch's parameters, trained on
    /// the remaining ratings only.
    /// - Parameters:
    ///   - matrix: training ratings.
    ///   - features: item features row-aligned with `matrix.items` (``ItemFeatures/none`` for embeddings only).
    ///   - configuration: layer sizes and training options.
    ///   - progress: called once per epoch with phase `"train neural-mf"`.
    /// - Throws: `AlgorithmError` `.invalidConfiguration` for out-of-range options, features of the wrong shape or
    ///   a diverging run; `.emptyTrainingData` for an empty matrix.
    /// - Complexity: O(epochs × entries × Σ layer inputs × outputs / threads) time; O(parameters × (threads + 4))
    ///   memory.
    public static func fit(_ matrix: InteractionMatrix, features: ItemFeatures = .none,
                           configuration: NeuralMFConfiguration = .init(),
                           progress: ProgressHandler? = nil) throws -> NeuralMF {
        try configuration.validate()
        guard matrix.entryCount > 0 else { throw AlgorithmError.emptyTrainingData("NeuralMF") }
        guard features.values.count == matrix.items.count * features.dimension else {
            throw AlgorithmError(.invalidConfiguration, "NeuralMF: item features have \(features.values.count) floats; "
                                 + "expected \(matrix.items.count) items × \(features.dimension)")
        }
        let baseline = try BaselinePredictor.fit(matrix).biases
        var generator = SplitMix64(seed: configuration.training.seed)
        var allocator = ParameterAllocator()
        let network = NeuralMFNetwork(users: matrix.users.count, items: matrix.items.count, baseline: baseline,
                                      featureDimension: features.dimension, configuration: configuration,
                                      allocator: &allocator, generator: &generator)
        let trainer = NeuralTrainer(configuration: configuration.training, name: "neural-mf")
        let (training, validation) = trainer.split(entries: matrix.entryCount)
        let entryUsers = matrix.entryUsers, entryItems = matrix.entryItems, entryValues = matrix.entryValues
        let featureValues = features.values, seed = configuration.training.seed
        let regularization = configuration.embeddingRegularization
        let workspace = NeuralMFNetwork.Workspace(network)
        let gradient = { @Sendable (batch: NeuralBatch) -> BatchLoss in
            var scratch = [Float](repeating: 0, count: workspace.size)
            var loss = BatchLoss()
            scratch.withUnsafeMutableBufferPointer { scratch in
            featureValues.withUnsafeBufferPointer { featureValues in
                for entry in batch.samples {
                    let e = Int(entry), u = Int(entryUsers[e]), i = Int(entryItems[e])
                    var generator: SplitMix64? = SplitMix64(seed: seed, mixing: [batch.epoch, e])
                    let prediction = network.forward(
                        batch.parameters, user: u, item: i,
                        features: featureValues,
                        workspace: workspace, scratch: scratch.baseAddress!, generator: &generator)
                    loss.squaredError += Double(MeanSquaredError.loss(prediction: prediction, target: entryValues[e]))
                    let g = MeanSquaredError.gradient(prediction: prediction, target: entryValues[e], batchSize: batch.batchSize)
                    network.backward(batch.parameters, user: u, item: i, gradient: g,
                                     penalty: 2 * regularization / Float(batch.batchSize), workspace: workspace,
                                     scratch: scratch.baseAddress!, parameterGradients: batch.gradients)
                }
            }}
            loss.ratings = batch.samples.count
            return loss
        }
        let validationRMSE: (([Float]) -> Float)? = validation.isEmpty ? nil : { parameters in
            let model = NeuralMF(users: matrix.users, items: matrix.items, scale: matrix.scale, network: network,
                                 parameters: parameters, features: features, history: NeuralTrainingHistory())
            return model.rootMeanSquaredError(of: validation, in: matrix)
        }
        let (parameters, history) = try trainer.train(initial: allocator.values, samples: training, gradient: gradient,
                                                      validationRMSE: validationRMSE, progress: progress)
        return NeuralMF(users: matrix.users, items: matrix.items, scale: matrix.scale, network: network,
                        parameters: parameters, features: features, history: history)
    }

    /// The learned μ, b_u and b_i: what predictions for unknown users or items fall back to.
    public var biases: BaselineBiases {
        BaselineBiases(globalMean: network.globalMean,
                       userBiases: Array(parameters[network.userBiases.offset..<network.userBiases.offset + users.count]),
                       itemBiases: Array(parameters[network.itemBiases.offset..<network.itemBiases.offset + items.count]))
    }

    /// The network's prediction clipped to ``scale``; unknown ids fall back to the learned biases that exist.
    /// - Complexity: O(Σ layer inputs × outputs) plus two id look-ups; allocates one scratch buffer.
    public func predict(user: UserID, item: ItemID) -> Float {
        scale.clip(estimate(user: users.index(of: user), item: items.index(of: item)))
    }

    /// The unclipped prediction for dense indices, or the bias fallback when either is `nil`.
    func estimate(user: Int?, item: Int?) -> Float {
        guard let user, let item else {
            var value = network.globalMean
            if let user { value += parameters[network.userBiases.start(of: user)] }
            if let item { value += parameters[network.itemBiases.start(of: item)] }
            return value
        }
        let workspace = NeuralMFNetwork.Workspace(network)
        var scratch = [Float](repeating: 0, count: workspace.size)
        var generator: SplitMix64? = nil
        return parameters.withUnsafeBufferPointer { p in
            features.values.withUnsafeBufferPointer { f in
                scratch.withUnsafeMutableBufferPointer { s in
                    network.forward(p.baseAddress!, user: user, item: item,
                                    features: f,
                                    workspace: workspace, scratch: s.baseAddress!, generator: &generator)
                }
            }
        }
    }
}
