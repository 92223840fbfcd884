import RecCore

/// Biased matrix factorisation trained by SGD (Funk 2006; Koren, Bell & Volinsky 2009):
/// r̂_ui = μ + b_u + b_i + q_i·p_u.
///
/// The algorithm of Surprise's `SVD`, with the same defaults, plus a per-epoch shuffle, a learning-rate
/// schedule and optional early stopping on a held-out slice. Unknown users or items fall back to the
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

    /// Trains the model by SGD over the ratings, in a fresh seeded order each epoch.
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
    /// - Complexity: O(epochs × entries × factors) time; O((users + items) × factors) memory, twice that while a
    ///   best epoch is being kept for early stopping.
    public static func fit(_ matrix: InteractionMatrix, configuration: BiasedMFConfiguration = .init(),
                           progress: ProgressHandler? = nil) throws -> BiasedMF {
        try configuration.validate()
        guard matrix.entryCount > 0 else { throw AlgorithmError.emptyTrainingData("BiasedMF") }
        var generator = SplitMix64(seed: configuration.seed)
        var order = [Int32](0..<Int32(matrix.entryCount))
        let heldOut = Int(Double(configuration.validationFraction) * Double(matrix.entryCount))
        if heldOut > 0 { order.shuffle(using: &generator) }
        let validation = Array(order[..<heldOut])
        var training = Array(order[heldOut...])

        let k = configuration.factors
        let deviation = configuration.initialStandardDeviation
        var state = SGDState(
            userBiases: [Float](repeating: 0, count: matrix.users.count),
            itemBiases: [Float](repeating: 0, count: matrix.items.count),
            userFactors: generator.gaussians(count: matrix.users.count * k, standardDeviation: deviation),
            itemFactors: generator.gaussians(count: matrix.items.count * k, standardDeviation: deviation))

        var rmses: [Float] = []
        var best: (epoch: Int, rmse: Float, state: SGDState)?
        for epoch in 0..<configuration.epochs {
            training.shuffle(using: &generator)
            let rate = configuration.learningRateSchedule.learningRate(initial: configuration.learningRate, epoch: epoch)
            let squaredError = state.runEpoch(order: training, matrix: matrix, factors: k, learningRate: rate,
                                              biasRegularization: configuration.biasRegularization,
                                              factorRegularization: configuration.factorRegularization)
            guard squaredError.isFinite else {
                throw AlgorithmError(.invalidConfiguration, "BiasedMF diverged in epoch \(epoch + 1): the training error "
                                     + "is not finite; lower learningRate (now \(configuration.learningRate))")
            }
            progress?(TaskProgress(phase: "train biased-mf", completed: epoch + 1, total: configuration.epochs))
            guard !validation.isEmpty else { continue }
            let rmse = state.rootMeanSquaredError(of: validation, matrix: matrix, factors: k)
            rmses.append(rmse)
            if let kept = best, rmse >= kept.rmse {
                if epoch + 1 - kept.epoch >= configuration.patience { break }
            } else {
                best = (epoch + 1, rmse, state)
            }
        }
        let final = best?.state ?? state
        let mean = matrix.globalMean
        return BiasedMF(
            users: matrix.users, items: matrix.items, scale: matrix.scale,
            parameters: LatentFactors(factors: k, biases: BaselineBiases(globalMean: mean, userBiases: final.userBiases,
                                                                         itemBiases: final.itemBiases),
                                      userFactors: final.userFactors, itemFactors: final.itemFactors),
            validationRMSEs: rmses, bestEpoch: best?.epoch)
    }

    /// μ + b_u + b_i + q_i·p_u clipped to ``scale``; unknown ids fall back to the bias terms that exist.
    /// - Complexity: O(factors) plus two id look-ups.
    public func predict(user: UserID, item: ItemID) -> Float {
        scale.clip(parameters.estimate(user: users.index(of: user), item: items.index(of: item)))
    }
}

/// The parameters BiasedMF updates in place while training.
private struct SGDState {
    var userBiases: [Float]
    var itemBiases: [Float]
    var userFactors: [Float]
    var itemFactors: [Float]

    /// One SGD pass over the entries in `order`, as Surprise's `SVD.sgd` does for one rating:
    /// err = r − r̂; b_u += lr(err − λ_b b_u); b_i likewise; then the fused factor step.
    /// Returns the summed squared training error (before each update) so callers can detect divergence.
    mutating func runEpoch(order: [Int32], matrix: InteractionMatrix, factors k: Int, learningRate: Float,
                           biasRegularization: Float, factorRegularization: Float) -> Double {
        let mean = matrix.globalMean
        var squaredError = 0.0
        order.withUnsafeBufferPointer { order in
        matrix.entryUsers.withUnsafeBufferPointer { entryUsers in
        matrix.entryItems.withUnsafeBufferPointer { entryItems in
        matrix.entryValues.withUnsafeBufferPointer { entryValues in
        userBiases.withUnsafeMutableBufferPointer { userBiases in
        itemBiases.withUnsafeMutableBufferPointer { itemBiases in
        userFactors.withUnsafeMutableBufferPointer { userFactors in
        itemFactors.withUnsafeMutableBufferPointer { itemFactors in
            let p = userFactors.baseAddress!, q = itemFactors.baseAddress!
            for entry in order {
                let e = Int(entry)
                let u = Int(entryUsers[e]), i = Int(entryItems[e])
                let pu = p + u * k, qi = q + i * k
                let error = entryValues[e] - (mean + userBiases[u] + itemBiases[i] + VectorKernels.dot(pu, qi, count: k))
                squaredError += Double(error * error)
                userBiases[u] += learningRate * (error - biasRegularization * userBiases[u])
                itemBiases[i] += learningRate * (error - biasRegularization * itemBiases[i])
                VectorKernels.sgdStep(pu, qi, shift: nil, error: error, learningRate: learningRate,
                                      regularization: factorRegularization, count: k)
            }
        }}}}}}}}
        return squaredError
    }

    /// RMSE of the clipped predictions on the entries listed in `entries`.
    func rootMeanSquaredError(of entries: [Int32], matrix: InteractionMatrix, factors k: Int) -> Float {
        let mean = matrix.globalMean
        var sum = 0.0
        userFactors.withUnsafeBufferPointer { userFactors in
        itemFactors.withUnsafeBufferPointer { itemFactors in
            for entry in entries {
                let e = Int(entry)
                let u = Int(matrix.entryUsers[e]), i = Int(matrix.entryItems[e])
                let dot = VectorKernels.dot(userFactors.baseAddress! + u * k, itemFactors.baseAddress! + i * k, count: k)
                let error = matrix.scale.clip(mean + userBiases[u] + itemBiases[i] + dot) - matrix.entryValues[e]
                sum += Double(error * error)
            }
        }}
        return Float((sum / Double(entries.count)).squareRoot())
    }
}
