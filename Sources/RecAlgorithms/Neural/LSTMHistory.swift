import RecCore

/// Rating prediction from a user's rating history: an LSTM reads the user's previous ratings in time order (item
/// embedding, rating and item features per step) and a small head combines its state with the target item (see
/// ``LSTMHistoryNetwork``), trained with Adam on mean squared error.
///
/// Training samples come from each user's chronological history and read only the ratings before them, never
/// later ones. At prediction time a user's state is the LSTM over their latest `historyLength` training ratings,
/// computed once per user after training. Unknown users or items fall back to the learned biases that exist;
/// predictions are clipped to the training scale.
public struct LSTMHistory: RatingPredictor, Codable, DenseRatingEstimator {
    /// Users the model was trained on, indexing ``userStates``.
    public let users: IDIndex<UserID>
    /// Items the model was trained on, indexing the item embeddings and ``features``.
    public let items: IDIndex<ItemID>
    /// The scale predictions are clipped to.
    public let scale: RatingScale
    /// The layers, as offsets into ``parameters``.
    public let network: LSTMHistoryNetwork
    /// Every trained weight, in the layout of ``network``.
    public let parameters: [Float]
    /// The item features the network reads, row-aligned with ``items``.
    public let features: ItemFeatures
    /// users × hidden units, row-major: each user's LSTM state after their latest training ratings.
    public let userStates: [Float]
    /// Learning curve and kept epoch.
    public let history: NeuralTrainingHistory

    /// Trains the network on every rating of `matrix` that follows at least zero earlier ratings of its user.
    ///
    /// A `training.validationFraction` share of ratings is held out for early stopping: they are neither samples nor
    /// history steps while training; the returned model keeps the best epoch's weights and reads all training
    /// ratings (held-out ones included) as history.
    /// - Parameters:
    ///   - matrix: training ratings.
    ///   - timestamps: one per entry of `matrix`, in Unix seconds; `nil` takes entry order as time order.
    ///   - features: item features row-aligned with `matrix.items` (``ItemFeatures/none`` for embeddings only).
    ///   - configuration: layer sizes, history length and training options.
    ///   - progress: called once per epoch with phase `"train lstm-history"`.
    /// - Throws: `AlgorithmError` `.invalidConfiguration` for out-of-range options, timestamps or features of the
    ///   wrong shape, or a diverging run; `.emptyTrainingData` for an empty matrix.
    /// - Complexity: O(epochs × entries × historyLength × hidden × (inputs + hidden) / threads) time.
    public static func fit(_ matrix: InteractionMatrix, timestamps: [Int64]? = nil, features: ItemFeatures = .none,
                           configuration: LSTMHistoryConfiguration = .init(),
                           progress: ProgressHandler? = nil) throws -> LSTMHistory {
        try configuration.validate()
        guard matrix.entryCount > 0 else { throw AlgorithmError.emptyTrainingData("LSTMHistory") }
        if let timestamps, timestamps.count != matrix.entryCount {
            throw AlgorithmError(.invalidConfiguration, "LSTMHistory: \(timestamps.count) timestamps for "
                                 + "\(matrix.entryCount) ratings; expected one per rating")
        }
        guard features.values.count == matrix.items.count * features.dimension else {
            throw AlgorithmError(.invalidConfiguration, "LSTMHistory: item features have \(features.values.count) "
                                 + "floats; expected \(matrix.items.count) items × \(features.dimension)")
        }
        let baseline = try BaselinePredictor.fit(matrix).biases
        var generator = SplitMix64(seed: configuration.training.seed)
        var allocator = ParameterAllocator()
        let network = LSTMHistoryNetwork(items: matrix.items.count, baseline: baseline,
                                         featureDimension: features.dimension, configuration: configuration,
                                         allocator: &allocator, generator: &generator)
        let trainer = NeuralTrainer(configuration: configuration.training, name: "lstm-history")
        let (training, validation) = trainer.split(entries: matrix.entryCount)
        let histories = RatingHistories(matrix, entries: training, timestamps: timestamps)
        let entryUsers = matrix.entryUsers, entryItems = matrix.entryItems, entryValues = matrix.entryValues
        let featureValues = features.values, seed = configuration.training.seed, k = configuration.historyLength
        let workspace = LSTMHistoryNetwork.Workspace(network)
        let gradient = { @Sendable (batch: NeuralBatch) -> BatchLoss in
            var scratch = [Float](repeating: 0, count: workspace.size)
            var trace = LSTMTrace(for: network.cell, capacity: k)
            var loss = BatchLoss()
            scratch.withUnsafeMutableBufferPointer { scratch in
            featureValues.withUnsafeBufferPointer { featureValues in
            entryItems.withUnsafeBufferPointer { entryItems in
            entryValues.withUnsafeBufferPointer { entryValues in
                for entry in batch.samples {
                    let e = Int(entry), u = Int(entryUsers[e]), i = Int(entryItems[e])
                    let past = histories.history(before: e, user: u, length: k)
                    network.encode(batch.parameters, history: past, entryItems: entryItems, entryValues: entryValues,
                                   features: featureValues, workspace: workspace, scratch: scratch.baseAddress!,
                                   trace: &trace)
                    var generator: SplitMix64? = SplitMix64(seed: seed, mixing: [batch.epoch, e])
                    let prediction = trace.lastHidden.withUnsafeBufferPointer { state in
                        network.predict(batch.parameters, state: state.baseAddress!, user: u, item: i,
                                        features: featureValues, workspace: workspace, scratch: scratch.baseAddress!,
                                        generator: &generator)
                    }
                    loss.squaredError += Double(MeanSquaredError.loss(prediction: prediction, target: entryValues[e]))
                    let g = MeanSquaredError.gradient(prediction: prediction, target: entryValues[e],
                                                      batchSize: batch.batchSize)
                    network.backward(batch.parameters, user: u, item: i, history: past, entryItems: entryItems,
                                     gradient: g, workspace: workspace, scratch: scratch.baseAddress!, trace: &trace,
                                     parameterGradients: batch.gradients)
                }
            }}}}
            loss.ratings = batch.samples.count
            return loss
        }
        let validationRMSE: (([Float]) -> Float)? = validation.isEmpty ? nil : { parameters in
            trained(network, parameters: parameters, histories: histories, matrix: matrix, features: features,
                    history: NeuralTrainingHistory()).rootMeanSquaredError(of: validation, in: matrix)
        }
        let (parameters, history) = try trainer.train(initial: allocator.values, samples: training, gradient: gradient,
                                                      validationRMSE: validationRMSE, progress: progress)
        let all = RatingHistories(matrix, entries: Array(0..<Int32(matrix.entryCount)), timestamps: timestamps)
        return trained(network, parameters: parameters, histories: all, matrix: matrix, features: features,
                       history: history)
    }

    /// The model whose user states run the LSTM over each user's latest ratings in `histories`.
    private static func trained(_ network: LSTMHistoryNetwork, parameters: [Float], histories: RatingHistories,
                                matrix: InteractionMatrix, features: ItemFeatures,
                                history: NeuralTrainingHistory) -> LSTMHistory {
        let h = network.cell.hidden, workspace = LSTMHistoryNetwork.Workspace(network)
        var states = [Float](repeating: 0, count: matrix.users.count * h)
        var scratch = [Float](repeating: 0, count: workspace.size)
        var trace = LSTMTrace(for: network.cell, capacity: network.historyLength)
        parameters.withUnsafeBufferPointer { p in
        features.values.withUnsafeBufferPointer { f in
        matrix.entryItems.withUnsafeBufferPointer { entryItems in
        matrix.entryValues.withUnsafeBufferPointer { entryValues in
        scratch.withUnsafeMutableBufferPointer { scratch in
            for user in 0..<matrix.users.count {
                network.encode(p.baseAddress!, history: histories.latest(of: user, length: network.historyLength),
                               entryItems: entryItems, entryValues: entryValues, features: f, workspace: workspace,
                               scratch: scratch.baseAddress!, trace: &trace)
                states.replaceSubrange(user * h..<(user + 1) * h, with: trace.lastHidden)
            }
        }}}}}
        return LSTMHistory(users: matrix.users, items: matrix.items, scale: matrix.scale, network: network,
                           parameters: parameters, features: features, userStates: states, history: history)
    }

    /// The learned μ, b_u and b_i: what predictions for unknown users or items fall back to.
    public var biases: BaselineBiases {
        BaselineBiases(globalMean: network.globalMean,
                       userBiases: Array(parameters[network.userBiases.offset..<network.userBiases.offset + users.count]),
                       itemBiases: Array(parameters[network.itemBiases.offset..<network.itemBiases.offset + items.count]))
    }

    /// The network's prediction from the user's state, clipped to ``scale``; unknown ids fall back to the learned
    /// biases that exist.
    /// - Complexity: O(hidden layer inputs × outputs) plus two id look-ups; allocates one scratch buffer.
    public func predict(user: UserID, item: ItemID) -> Float {
        scale.clip(estimate(user: users.index(of: user), item: items.index(of: item)))
    }

    func estimate(user: Int?, item: Int?) -> Float {
        guard let user, let item else {
            var value = network.globalMean
            if let user { value += parameters[network.userBiases.start(of: user)] }
            if let item { value += parameters[network.itemBiases.start(of: item)] }
            return value
        }
        let workspace = LSTMHistoryNetwork.Workspace(network), h = network.cell.hidden
        var scratch = [Float](repeating: 0, count: workspace.size)
        var generator: SplitMix64? = nil
        return parameters.withUnsafeBufferPointer { p in
        features.values.withUnsafeBufferPointer { f in
        userStates.withUnsafeBufferPointer { states in
        scratch.withUnsafeMutableBufferPointer { s in
            network.predict(p.baseAddress!, state: states.baseAddress! + user * h, user: user, item: item, features: f,
                            workspace: workspace, scratch: s.baseAddress!, generator: &generator)
        }}}}
    }
}
