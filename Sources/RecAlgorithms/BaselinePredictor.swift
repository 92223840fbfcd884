import RecCore

/// Predicts b_ui = μ + b_u + b_i: the global mean plus how much this user and this item deviate from it.
///
/// Reproduces Surprise's `BaselineOnly`. Unknown users or items contribute no bias; predictions are
/// clipped to the training scale.
public struct BaselinePredictor: RatingPredictor, Codable {
    /// Users the model was trained on, indexing `biases.userBiases`.
    public let users: IDIndex<UserID>
    /// Items the model was trained on, indexing `biases.itemBiases`.
    public let items: IDIndex<ItemID>
    /// The scale predictions are clipped to.
    public let scale: RatingScale
    /// The fitted μ, b_u and b_i.
    public let biases: BaselineBiases

    /// Fits the biases to every rated entry of `matrix`.
    ///
    /// - Parameters:
    ///   - matrix: training ratings.
    ///   - configuration: fitting method and its parameters.
    ///   - progress: called once per epoch with phase `"train baseline"`.
    /// - Throws: `AlgorithmError` `.invalidConfiguration` for out-of-range options, `.emptyTrainingData`
    ///   when `matrix` has no entries.
    /// - Complexity: O(epochs × entries).
    public static func fit(_ matrix: InteractionMatrix, configuration: BaselineConfiguration = .init(),
                           progress: ProgressHandler? = nil) throws -> BaselinePredictor {
        try configuration.validate()
        guard matrix.entryCount > 0 else { throw AlgorithmError.emptyTrainingData("BaselinePredictor") }
        let biases: BaselineBiases
        switch configuration.method {
        case let .alternatingLeastSquares(epochs, userRegularization, itemRegularization):
            biases = fitAlternatingLeastSquares(matrix, epochs: epochs, userRegularization: userRegularization,
                                                itemRegularization: itemRegularization, progress: progress)
        case let .stochasticGradientDescent(epochs, learningRate, regularization):
            biases = fitStochasticGradientDescent(matrix, epochs: epochs, learningRate: learningRate,
                                                  regularization: regularization, progress: progress)
        }
        return BaselinePredictor(users: matrix.users, items: matrix.items, scale: matrix.scale, biases: biases)
    }

    /// μ + b_u + b_i clipped to ``scale``; an unknown user or item contributes no bias.
    /// - Complexity: O(1) plus two id look-ups.
    public func predict(user: UserID, item: ItemID) -> Float {
        scale.clip(biases.estimate(user: users.index(of: user), item: items.index(of: item)))
    }

    /// Surprise's `baseline_als`: items first, then users, each a closed-form ridge update. Sums run in Double
    /// as Surprise's do, so results agree to float rounding.
    private static func fitAlternatingLeastSquares(_ matrix: InteractionMatrix, epochs: Int, userRegularization: Float,
                                                   itemRegularization: Float, progress: ProgressHandler?) -> BaselineBiases {
        let mean = Double(matrix.globalMean)
        var userBiases = [Double](repeating: 0, count: matrix.users.count)
        var itemBiases = [Double](repeating: 0, count: matrix.items.count)
        matrix.itemUsers.withUnsafeBufferPointer { itemUsers in
        matrix.itemValues.withUnsafeBufferPointer { itemValues in
        matrix.userItems.withUnsafeBufferPointer { userItems in
        matrix.userValues.withUnsafeBufferPointer { userValues in
            for epoch in 0..<epochs {
                for item in 0..<matrix.items.count {
                    let range = matrix.itemOffsets[item]..<matrix.itemOffsets[item + 1]
                    var deviation = 0.0
                    for e in range { deviation += Double(itemValues[e]) - mean - userBiases[Int(itemUsers[e])] }
                    itemBiases[item] = deviation / (Double(itemRegularization) + Double(range.count))
                }
                for user in 0..<matrix.users.count {
                    let range = matrix.userOffsets[user]..<matrix.userOffsets[user + 1]
                    var deviation = 0.0
                    for e in range { deviation += Double(userValues[e]) - mean - itemBiases[Int(userItems[e])] }
                    userBiases[user] = deviation / (Double(userRegularization) + Double(range.count))
                }
                progress?(TaskProgress(phase: "train baseline", completed: epoch + 1, total: epochs))
            }
        }}}}
        return BaselineBiases(globalMean: matrix.globalMean, userBiases: userBiases.map { Float($0) },
                              itemBiases: itemBiases.map { Float($0) })
    }

    /// Surprise's `baseline_sgd`, visiting ratings grouped by user (CSR order) as Surprise's `all_ratings()` does.
    private static func fitStochasticGradientDescent(_ matrix: InteractionMatrix, epochs: Int, learningRate: Float,
                                                     regularization: Float, progress: ProgressHandler?) -> BaselineBiases {
        let mean = Double(matrix.globalMean)
        let rate = Double(learningRate), lambda = Double(regularization)
        var userBiases = [Double](repeating: 0, count: matrix.users.count)
        var itemBiases = [Double](repeating: 0, count: matrix.items.count)
        matrix.userItems.withUnsafeBufferPointer { userItems in
        matrix.userValues.withUnsafeBufferPointer { userValues in
            for epoch in 0..<epochs {
                for user in 0..<matrix.users.count {
                    for e in matrix.userOffsets[user]..<matrix.userOffsets[user + 1] {
                        let item = Int(userItems[e])
                        let error = Double(userValues[e]) - (mean + userBiases[user] + itemBiases[item])
                        userBiases[user] += rate * (error - lambda * userBiases[user])
                        itemBiases[item] += rate * (error - lambda * itemBiases[item])
                    }
                }
                progress?(TaskProgress(phase: "train baseline", completed: epoch + 1, total: epochs))
            }
        }}
        return BaselineBiases(globalMean: matrix.globalMean, userBiases: userBiases.map { Float($0) },
                              itemBiases: itemBiases.map { Float($0) })
    }
}
