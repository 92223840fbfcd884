import RecCore

/// Biased matrix factorisation trained by SGD (Funk 2006; Koren, Bell & Volinsky 2009):
/// r̂_ui = μ + b_u + b_i + q_i·p_u.
///
/// The algorithm of Surprise's `SVD`, with the same defaults, plus a per-epoch shuffle, a learning-rate
/// schedule, optional early stopping on a held-out slice and deterministic parallel SGD over
/// `configuration.threads` workers (DSGD, Gemulla et al. 2011; see ``BiasedMFConfiguration/threads``). Unknown users or items fall back to the
/// bias terms that exist; predictions are clipped to the training scale.
public struct BiasedMF: RatingPredictor, Codable {
    /// Users the model was trained on, indexing the user biases and factors.
    public let users: IDIndex<UserID>
    /// Items the model was trained on, indexing the item biases and factors.
    public let items: IDIndex<ItemID>
    /// The scale predictions are clipped to.
    public let scale: RatingScale
    /// The trained biases and factors.
    public let parameters: LatentFactors
    /// Validation RMSE (clipped predictions) after each epoch that ran; empty when validation was off.
    public let validationRMSEs: [Float]
    /// The epoch (from 1) whose parameters the model holds, when validation ran for at least one epoch.
    public let bestEpoch: Int?

    /// Trains the model by SGD over the ratings, in a fresh seeded order each epoch: each of the
    /// `threads` × `threads` DSGD blocks is shuffled by its own generator, and the blocks of one stratum are
    /// trained in parallel. The same configuration (seed and `threads` included) gives bitwise the same model.
    ///
    /// With `validationFraction > 0`, that share of ratings is held out; after each epoch the validation RMSE
    /// is recorded, and training stops once `patience` epochs pass without a new best. The returned model holds
    /// the best epoch's parameters, trained on the remaining ratings only: it is not refitted on the held-out
    /// slice, so the reported validation RMSE stays an honest estimate of the model that is returned.
    ///
    /// - Parameters:
    ///   - matrix: training ratings.
    ///   - configuration: hyperparameters; the defaults are Surprise `SVD`'s.
    ///   - progress: called once per epoch with phase `"train biased-mf"`.
    /// - Throws: `AlgorithmError` `.invalidConfiguration` for out-of-range options or when training diverges
    ///   (the training error stops being finite: lower the learning rate), `.emptyTrainingData` for an empty matrix.
    /// - Complexity: O(epochs × entries × factors) time, spread over `threads` workers;
    ///   O(entries + (users + items) × factors) memory, with factor rows padded to a multiple of 8, and the
    ///   parameters twice while a best epoch is being kept for early stopping.
    public static func fit(_ matrix: InteractionMatrix, configuration: BiasedMFConfiguration = .init(),
                           progress: ProgressHandler? = nil) throws -> BiasedMF {
        try configuration.validate()
        guard matrix.entryCount > 0 else { throw AlgorithmError.emptyTrainingData("BiasedMF") }
        var generator = SplitMix64(seed: configuration.seed)
        var order = [Int32](0..<Int32(matrix.entryCount))
        let heldOut = Int(Double(configuration.validationFraction) * Double(matrix.entryCount))
        if heldOut > 0 { order.shuffle(using: &generator) }
        let validation = Array(order[..<heldOut])
        let training = Array(order[heldOut...])

        let users = BlockLayout(rows: matrix.users.count, threads: configuration.threads)
        let items = BlockLayout(rows: matrix.items.count, threads: configuration.threads)
        var state = SGDState(users: users, userCount: matrix.users.count, items: items, itemCount: matrix.items.count,
                             factors: configuration.factors, standardDeviation: configuration.initialStandardDeviation,
                             generator: &generator)
        var blocks = RatingBlocks(matrix, entries: training, users: users, items: items, generator: &generator)

        var rmses: [Float] = []
        var best: (epoch: Int, rmse: Float, state: SGDState)?
        for epoch in 0..<configuration.epochs {
            let rate = configuration.learningRateSchedule.learningRate(initial: configuration.learningRate, epoch: epoch)
            let squaredError = state.runEpoch(&blocks, globalMean: matrix.globalMean, learningRate: rate,
                                              biasRegularization: configuration.biasRegularization,
                                              factorRegularization: configuration.factorRegularization)
            guard squaredError.isFinite else {
                throw AlgorithmError(.invalidConfiguration, "BiasedMF diverged in epoch \(epoch + 1): the training error "
                                     + "is not finite; lower learningRate (now \(configuration.learningRate))")
            }
            progress?(TaskProgress(phase: "train biased-mf", completed: epoch + 1, total: configuration.epochs))
            guard !validation.isEmpty else { continue }
            let rmse = state.rootMeanSquaredError(of: validation, matrix: matrix)
            rmses.append(rmse)
            if let kept = best, rmse >= kept.rmse {
                if epoch + 1 - kept.epoch >= configuration.patience { break }
            } else {
                best = (epoch + 1, rmse, state)
            }
        }
        let final = best?.state ?? state
        return BiasedMF(users: matrix.users, items: matrix.items, scale: matrix.scale,
                        parameters: final.latentFactors(globalMean: matrix.globalMean, userCount: matrix.users.count,
                                                        itemCount: matrix.items.count),
                        validationRMSEs: rmses, bestEpoch: best?.epoch)
    }

    /// μ + b_u + b_i + q_i·p_u clipped to ``scale``; unknown ids fall back to the bias terms that exist.
    /// - Complexity: O(factors) plus two id look-ups.
    public func predict(user: UserID, item: ItemID) -> Float {
        scale.clip(parameters.estimate(user: users.index(of: user), item: items.index(of: item)))
    }
}
