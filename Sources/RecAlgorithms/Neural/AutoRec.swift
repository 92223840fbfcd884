import RecCore

/// Item-based AutoRec (Sedhain, Menon, Sanner & Xie 2015): an autoencoder that reconstructs each item's column of
/// the rating matrix from its observed entries, the error counted on observed entries only (see ``AutoRecNetwork``),
/// trained with Adam and decoupled weight decay instead of the paper's L-BFGS with an L2 penalty.
///
/// After training, every item's code h_i is computed once from all its training ratings, so a prediction is one
/// dot product. Unknown users or items fall back to the baseline biases that exist; predictions are clipped to the
/// training scale.
public struct AutoRec: RatingPredictor, Codable, DenseRatingEstimator {
    /// Users the model was trained on, indexing the decoder rows.
    public let users: IDIndex<UserID>
    /// Items the model was trained on, indexing ``codes``.
    public let items: IDIndex<ItemID>
    /// The scale predictions are clipped to.
    public let scale: RatingScale
    /// Hidden units per code.
    public let hiddenUnits: Int
    /// items × hidden units, row-major: each item's code from all its training ratings.
    public let codes: [Float]
    /// users × hidden units, row-major: the decoder's W.
    public let decoderWeights: [Float]
    /// The decoder's c, one per user.
    public let decoderBiases: [Float]
    /// Baseline biases (ALS) for users or items the network cannot score.
    public let fallback: BaselineBiases
    /// Learning curve and kept epoch.
    public let history: NeuralTrainingHistory

    /// Each item's observed (user, rating) pairs, item by item.
    struct Columns: Sendable {
        let offsets: [Int]
        let users: [Int32]
        let values: [Float]

        /// The listed entries of `matrix`, grouped by item in entry order.
        init(_ matrix: InteractionMatrix, entries: [Int32]) {
            var offsets = [Int](repeating: 0, count: matrix.items.count + 1)
            for entry in entries { offsets[Int(matrix.entryItems[Int(entry)]) + 1] += 1 }
            for item in 0..<matrix.items.count { offsets[item + 1] += offsets[item] }
            var next = offsets
            var users = [Int32](repeating: 0, count: entries.count), values = [Float](repeating: 0, count: entries.count)
            for entry in entries.sorted() {
                let e = Int(entry), item = Int(matrix.entryItems[e])
                users[next[item]] = matrix.entryUsers[e]
                values[next[item]] = matrix.entryValues[e]
                next[item] += 1
            }
            self.offsets = offsets
            self.users = users
            self.values = values
        }

        /// Calls `body` with item `item`'s users and ratings.
        func withColumn<R>(_ item: Int, _ body: (UnsafeBufferPointer<Int32>, UnsafeBufferPointer<Float>) -> R) -> R {
            users.withUnsafeBufferPointer { users in
                values.withUnsafeBufferPointer { values in
                    let range = offsets[item]..<offsets[item + 1]
                    return body(UnsafeBufferPointer(rebasing: users[range]), UnsafeBufferPointer(rebasing: values[range]))
                }
            }
        }
    }

    /// Trains the autoencoder on the items of `matrix`, one sample per item.
    ///
    /// A `training.validationFraction` share of ratings is held out of both inputs and targets for early stopping;
    /// the model keeps the best epoch's weights. The returned codes are then computed from all training ratings.
    /// - Parameters:
    ///   - matrix: training ratings.
    ///   - configuration: hidden units and training options.
    ///   - progress: called once per epoch with phase `"train autorec"`.
    /// - Throws: `AlgorithmError` `.invalidConfiguration` for out-of-range options or a diverging run,
    ///   `.emptyTrainingData` for an empty matrix.
    /// - Complexity: O(epochs × (entries × hidden units / threads + batches × users × hidden units)) time;
    ///   O(users × hidden units × (threads + 5)) memory.
    public static func fit(_ matrix: InteractionMatrix, configuration: AutoRecConfiguration = .init(),
                           progress: ProgressHandler? = nil) throws -> AutoRec {
        try configuration.validate()
        guard matrix.entryCount > 0 else { throw AlgorithmError.emptyTrainingData("AutoRec") }
        let baseline = try BaselinePredictor.fit(matrix).biases
        var generator = SplitMix64(seed: configuration.training.seed)
        var allocator = ParameterAllocator()
        let network = AutoRecNetwork(users: matrix.users.count, baseline: baseline, configuration: configuration,
                                     allocator: &allocator, generator: &generator)
        let trainer = NeuralTrainer(configuration: configuration.training, name: "autorec")
        let (training, validation) = trainer.split(entries: matrix.entryCount)
        let inputs = Columns(matrix, entries: training)
        let hidden = configuration.hiddenUnits
        let gradient = { @Sendable (batch: NeuralBatch) -> BatchLoss in
            var scratch = [Float](repeating: 0, count: 2 * hidden)
            var loss = BatchLoss()
            scratch.withUnsafeMutableBufferPointer { scratch in
                for item in batch.samples {
                    inputs.withColumn(Int(item)) { users, values in
                        loss.squaredError += network.accumulateGradient(
                            batch.parameters, users: users, values: values, batchSize: batch.batchSize,
                            scratch: scratch.baseAddress!, gradients: batch.gradients)
                        loss.ratings += users.count
                    }
                }
            }
            return loss
        }
        let validationRMSE: (([Float]) -> Float)? = validation.isEmpty ? nil : { parameters in
            Self.trained(network, parameters: parameters, inputs: inputs, matrix: matrix, baseline: baseline,
                         history: NeuralTrainingHistory()).rootMeanSquaredError(of: validation, in: matrix)
        }
        let samples = (0..<Int32(matrix.items.count)).filter { inputs.offsets[Int($0) + 1] > inputs.offsets[Int($0)] }
        let (parameters, history) = try trainer.train(initial: allocator.values, samples: samples, gradient: gradient,
                                                      validationRMSE: validationRMSE,
                                                      penalty: (network.weightRanges, configuration.regularization),
                                                      progress: progress)
        return trained(network, parameters: parameters,
                       inputs: Columns(matrix, entries: Array(0..<Int32(matrix.entryCount))), matrix: matrix,
                       baseline: baseline, history: history)
    }

    /// The model whose codes encode `inputs` under `parameters`.
    private static func trained(_ network: AutoRecNetwork, parameters: [Float], inputs: Columns,
                                matrix: InteractionMatrix, baseline: BaselineBiases,
                                history: NeuralTrainingHistory) -> AutoRec {
        let hidden = network.hiddenUnits, itemCount = matrix.items.count
        var codes = [Float](repeating: 0, count: itemCount * hidden)
        parameters.withUnsafeBufferPointer { p in
            codes.withUnsafeMutableBufferPointer { codes in
                for item in 0..<itemCount {
                    inputs.withColumn(item) { users, values in
                        network.encode(p.baseAddress!, users: users, values: values, into: codes.baseAddress! + item * hidden)
                    }
                }
            }
        }
        let decoder = network.decoder
        return AutoRec(users: matrix.users, items: matrix.items, scale: matrix.scale, hiddenUnits: hidden, codes: codes,
                       decoderWeights: Array(parameters[decoder.offset..<decoder.offset + decoder.rows * hidden]),
                       decoderBiases: Array(parameters[network.decoderBias.offset..<network.decoderBias.offset + decoder.rows]),
                       fallback: baseline, history: history)
    }

    /// W_u · h_i + c_u clipped to ``scale``; unknown ids fall back to the baseline biases that exist.
    /// - Complexity: O(hidden units) plus two id look-ups.
    public func predict(user: UserID, item: ItemID) -> Float {
        scale.clip(estimate(user: users.index(of: user), item: items.index(of: item)))
    }

    func estimate(user: Int?, item: Int?) -> Float {
        guard let user, let item else { return fallback.estimate(user: user, item: item) }
        return decoderWeights.withUnsafeBufferPointer { w in
            codes.withUnsafeBufferPointer { h in
                VectorKernels.dot(w.baseAddress! + user * hiddenUnits, h.baseAddress! + item * hiddenUnits, count: hiddenUnits)
            }
        } + decoderBiases[user]
    }
}
