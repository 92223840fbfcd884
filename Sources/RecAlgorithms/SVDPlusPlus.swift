import RecCore

/// SVD++ (Koren 2008, "Factorization meets the neighborhood"): biased MF whose user vector also sums the
/// implicit factors y_j of every item the user rated: r̂_ui = μ + b_u + b_i + q_i·(p_u + |N(u)|^-½ Σ_{j∈N(u)} y_j).
///
/// Trained by the same per-rating SGD as Surprise's `SVDpp`, reorganised per user so it costs O(k) per rating
/// plus O(|N(u)|·k) per user and epoch instead of Surprise's O(|N(u)|·k) per rating. After training each user's
/// p_u + |N(u)|^-½ Σ y_j is folded into one vector, so prediction is O(k). Unknown users or items fall back to
/// the bias terms that exist; predictions are clipped to the training scale.
public struct SVDPlusPlus: RatingPredictor, Codable {
    /// Users the model was trained on.
    public let users: IDIndex<UserID>
    /// Items the model was trained on.
    public let items: IDIndex<ItemID>
    /// The scale predictions are clipped to.
    public let scale: RatingScale
    /// The trained biases, item factors q_i and folded user vectors p_u + |N(u)|^-½ Σ y_j.
    public let parameters: LatentFactors

    /// Trains the model by SGD, visiting users in a fresh seeded order each epoch and each user's ratings
    /// in a fresh seeded order.
    ///
    /// Surprise updates every y_j, j ∈ N(u), after every rating of u, and recomputes the implicit sum per
    /// rating. Within one user's consecutive ratings both have closed forms: with d = 1 − rate·λ, the sum evolves
    /// as s ← d·s + rate·err·q_i and each y_j ends at dⁿ·y_j + rate·|N(u)|^-½·g, where g ← d·g + err·q_i
    /// accumulates the decayed gradient. So the sum is computed once per user, updated in O(k) per rating, and
    /// the y_j are written once per user: the same updates as Surprise's per-rating loop up to float rounding
    /// (items a user rated twice aside), since Surprise also visits ratings grouped by user.
    ///
    /// - Parameters:
    ///   - matrix: training ratings; N(u) is the items u rated in it.
    ///   - configuration: hyperparameters; the defaults are Surprise `SVDpp`'s.
    ///   - progress: called once per epoch with phase `"train svd++"`.
    /// - Throws: `AlgorithmError` `.invalidConfiguration` for out-of-range options or when training diverges,
    ///   `.emptyTrainingData` for an empty matrix.
    /// - Complexity: O(epochs × entries × factors) time; O((users + 2 × items) × factors) memory.
    public static func fit(_ matrix: InteractionMatrix, configuration: SVDPlusPlusConfiguration = .init(),
                           progress: ProgressHandler? = nil) throws -> SVDPlusPlus {
        try configuration.validate()
        guard matrix.entryCount > 0 else { throw AlgorithmError.emptyTrainingData("SVDPlusPlus") }
        var generator = SplitMix64(seed: configuration.seed)
        let k = configuration.factors
        let deviation = configuration.initialStandardDeviation
        var trainer = SVDPlusPlusTrainer(
            matrix: matrix, factors: k,
            userFactors: (0..<matrix.users.count * k).map { _ in generator.nextGaussian(standardDeviation: deviation) },
            itemFactors: (0..<matrix.items.count * k).map { _ in generator.nextGaussian(standardDeviation: deviation) },
            implicitFactors: (0..<matrix.items.count * k).map { _ in generator.nextGaussian(standardDeviation: deviation) })
        var userOrder = Array(0..<matrix.users.count)
        for epoch in 0..<configuration.epochs {
            userOrder.shuffle(using: &generator)
            let squaredError = trainer.runEpoch(userOrder: userOrder, configuration: configuration, generator: &generator)
            guard squaredError.isFinite else {
                throw AlgorithmError(.invalidConfiguration, "SVDPlusPlus diverged in epoch \(epoch + 1): the training error "
                                     + "is not finite; lower learningRate (now \(configuration.learningRate))")
            }
            progress?(TaskProgress(phase: "train svd++", completed: epoch + 1, total: configuration.epochs))
        }
        return SVDPlusPlus(users: matrix.users, items: matrix.items, scale: matrix.scale, parameters: trainer.foldedParameters())
    }

    /// μ + b_u + b_i + q_i·(p_u + |N(u)|^-½ Σ y_j) clipped to ``scale``; unknown ids fall back to the bias terms.
    /// - Complexity: O(factors) plus two id look-ups.
    public func predict(user: UserID, item: ItemID) -> Float {
        scale.clip(parameters.estimate(user: users.index(of: user), item: items.index(of: item)))
    }
}
