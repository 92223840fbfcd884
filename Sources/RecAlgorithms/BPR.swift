import RecCore

/// Bayesian Personalised Ranking matrix factorisation (Rendle et al. 2009) with implicit's update and defaults:
/// score(u, i) = x_u · y_i + b_i, trained by SGD on ln σ(score(u, i) − score(u, j)) for sampled triples of a
/// user, an item they interacted with and one they did not.
///
/// Both cores train at once by stratification (DSGD, Gemulla et al. 2011): each epoch users and items are
/// shuffled into `strata` groups; the strata² blocks are trained one diagonal at a time, a diagonal's blocks in
/// parallel, each from its own seeded stream. The result depends on the seed and `strata`, never on timing.
/// The price: a triple's negative comes from the positive's item group, so within an epoch an item is only
/// ranked against the 1/strata of the catalogue in its group; reshuffling every epoch lets every pair meet,
/// each about one epoch in strata. implicit instead samples negatives from the interaction list (that is, in
/// proportion to popularity) across all items, Hogwild-style, which is not reproducible with several threads.
public struct BPR: FoldInRecommender, Codable {
    /// Id maps, seen items and popularity.
    public let history: TrainingHistory
    /// The options the model was fitted with.
    public let configuration: BPRConfiguration
    /// x_u, row-major users × factors.
    public let userFactors: [Float]
    /// y_i, row-major items × factors.
    public let itemFactors: [Float]
    /// b_i per item.
    public let itemBiases: [Float]
    /// Triples skipped in each epoch because no negative was found in `negativeSampleAttempts` draws.
    public let skippedSamples: [Int]

    /// Trains the factors.
    ///
    /// Initial factors and biases are uniform in (−0.5, 0.5) / factors, as implicit's. Each epoch draws one
    /// triple per interaction (repeats of a (user, item) pair count once).
    /// - Parameters:
    ///   - matrix: training interactions; any stored entry is a positive, its value is ignored (as in implicit).
    ///   - configuration: hyperparameters; the training defaults are implicit's.
    ///   - progress: called once per epoch with phase `"train bpr"`.
    /// - Throws: `AlgorithmError` `.invalidConfiguration` for out-of-range options, a non-finite value, or when
    ///   training diverges (non-finite factors: lower the learning rate); `.emptyTrainingData` for an empty
    ///   matrix; `CancellationError` when cancelled (checked between epochs).
    /// - Complexity: O(epochs × entries × (factors + attempts × log(items per user))) time on `strata` cores;
    ///   O((users + items) × factors + entries) memory.
    public static func fit(_ matrix: InteractionMatrix, configuration: BPRConfiguration = .init(),
                           progress: ProgressHandler? = nil) async throws -> BPR {
        try configuration.validate()
        guard matrix.entryCount > 0 else { throw AlgorithmError.emptyTrainingData("BPR") }
        let seen = try SparseRows.interactions(of: matrix, byUser: true, algorithm: "BPR")
        let k = configuration.factors, users = matrix.users.count, items = matrix.items.count
        var generator = SplitMix64(seed: configuration.seed)
        let scale = 1 / Float(k)
        var parameters = BPRParameters(
            userFactors: (0..<users * k).map { _ in Float.random(in: -0.5..<0.5, using: &generator) * scale },
            itemFactors: (0..<items * k).map { _ in Float.random(in: -0.5..<0.5, using: &generator) * scale },
            itemBiases: (0..<items).map { _ in Float.random(in: -0.5..<0.5, using: &generator) * scale })
        var skipped: [Int] = []
        for epoch in 0..<configuration.epochs {
            try Task.checkCancellation()
            let rate = configuration.learningRateSchedule.learningRate(initial: configuration.learningRate, epoch: epoch)
            let skips = try await parameters.trainEpoch(epoch, seen: seen, configuration: configuration, learningRate: rate)
            guard parameters.isFinite else {
                throw AlgorithmError(.invalidConfiguration, "BPR diverged in epoch \(epoch + 1): factors are not finite; "
                                     + "lower learningRate (now \(configuration.learningRate))")
            }
            skipped.append(skips)
            progress?(TaskProgress(phase: "train bpr", completed: epoch + 1, total: configuration.epochs))
        }
        return BPR(history: TrainingHistory(matrix), configuration: configuration, userFactors: parameters.userFactors,
                   itemFactors: parameters.itemFactors, itemBiases: parameters.itemBiases, skippedSamples: skipped)
    }

    /// Best-first items for a training user: x_u · y_i + b_i.
    /// - Complexity: O(items × factors + items log count).
    public func recommend(for user: UserID, count: Int, excluding excluded: Set<ItemID>, includeSeen: Bool) -> TopNList {
        history.recommend(for: user, count: count, excluding: excluded, includeSeen: includeSeen) { u, scores in
            userFactors.withUnsafeBufferPointer { x in score(user: x.baseAddress! + u * configuration.factors, into: scores) }
        }
    }

    /// Best-first items for the history's user: a user vector trained from zero by `foldInEpochs` SGD passes over
    /// the history (items ascending, each with a negative drawn uniformly from the items outside the history,
    /// from a stream seeded by the model's seed), item factors and biases fixed; then scored as a training user.
    /// - Complexity: O(foldInEpochs × |history| × factors + items × factors + items log count).
    public func recommend(forHistory history: [ItemID: Float], count: Int, excluding excluded: Set<ItemID>) -> TopNList {
        self.history.recommend(forHistory: history, count: count, excluding: excluded) { positives, _, scores in
            let k = configuration.factors
            var x = [Float](repeating: 0, count: k)
            var generator = SplitMix64(seed: configuration.seed, mixing: positives)
            let itemCount = self.history.items.count
            x.withUnsafeMutableBufferPointer { x in
            itemFactors.withUnsafeBufferPointer { y in
            itemBiases.withUnsafeBufferPointer { b in
            positives.withUnsafeBufferPointer { row in
                var scratch = [Float](repeating: 0, count: 2 * k)
                for _ in 0..<configuration.foldInEpochs {
                    for positive in row {
                        var negative = -1
                        for _ in 0..<configuration.negativeSampleAttempts {
                            let candidate = Int.random(in: 0..<itemCount, using: &generator)
                            if !BPRBlock.contains(row, Int32(candidate)) {
                                negative = candidate
                                break
                            }
                        }
                        guard negative >= 0 else { continue }
                        // Step on copies of the item vectors so only x moves.
                        let i = Int(positive)
                        scratch.withUnsafeMutableBufferPointer { s in
                            s.baseAddress!.update(from: y.baseAddress! + i * k, count: k)
                            (s.baseAddress! + k).update(from: y.baseAddress! + negative * k, count: k)
                            var bi = b[i], bj = b[negative]
                            BPRBlock.step(user: x.baseAddress!, positive: s.baseAddress!, negative: s.baseAddress! + k,
                                          positiveBias: &bi, negativeBias: &bj, factors: k,
                                          learningRate: configuration.foldInLearningRate,
                                          regularization: configuration.regularization)
                        }
                    }
                }
            }}}}
            x.withUnsafeBufferPointer { score(user: $0.baseAddress!, into: scores) }
        }
    }

    /// scores[i] = x · y_i + b_i.
    private func score(user x: UnsafePointer<Float>, into scores: UnsafeMutableBufferPointer<Float>) {
        let k = configuration.factors
        itemFactors.withUnsafeBufferPointer { y in
            for i in scores.indices { scores[i] = VectorKernels.dot(x, y.baseAddress! + i * k, count: k) + itemBiases[i] }
        }
    }
}
