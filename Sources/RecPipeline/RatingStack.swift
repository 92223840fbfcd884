import RecAlgorithms
import RecCore

/// Linear stacking of rating models (Wolpert 1992; the blends of the Netflix Prize): r̂ = μ + Σ_j w_j (r̂_j − μ),
/// the weights fitted by ridge least squares on predictions for a held-out slice of the training ratings made by
/// members trained without it; the members are then refitted on all training ratings.
///
/// Predictions are clipped to the scale; each member keeps its own fallback for unknown users and items.
public struct RatingStack: RatingPredictor, Codable {
    /// The members, fitted on all training ratings.
    public let members: [TrainedRatingModel]
    /// w_j, one per member.
    public let weights: [Float]
    /// μ of the training ratings.
    public let globalMean: Float
    /// The scale predictions are clipped to.
    public let scale: RatingScale
    /// RMSE of the blend on the held-out slice, with the members trained without it.
    public let validationRMSE: Float

    /// Fits the members twice (without and with the held-out slice) and the weights in between.
    /// - Throws: ``PipelineError`` `.invalidArgument` for an invalid configuration, an empty matrix, a held-out slice
    ///   that is empty or weights that cannot be solved; whatever a member's fit throws.
    /// - Complexity: two fits of every member plus O(held-out × members²).
    public static func fit(_ matrix: InteractionMatrix, context: RatingContext, configuration: RatingStackConfiguration,
                           progress: ProgressHandler? = nil) throws -> RatingStack {
        try configuration.validate()
        guard matrix.entryCount > 0 else {
            throw PipelineError(.invalidArgument, "cannot fit the stack: the interaction matrix has no rated entries")
        }
        var order = [Int](0..<matrix.entryCount)
        var generator = SplitMix64(seed: configuration.seed)
        order.shuffle(using: &generator)
        let heldOut = Int(Double(configuration.validationFraction) * Double(matrix.entryCount))
        guard heldOut > 0, heldOut < matrix.entryCount else {
            throw PipelineError(.invalidArgument, "RatingStack: validationFraction \(configuration.validationFraction) "
                                 + "of \(matrix.entryCount) ratings leaves no held-out or no training ratings")
        }
        let validation = order[..<heldOut], training = order[heldOut...].sorted()
        let inner = InteractionMatrix(users: matrix.users, items: matrix.items,
                                      rows: training.map { matrix.entryUsers[$0] }, columns: training.map { matrix.entryItems[$0] },
                                      values: training.map { matrix.entryValues[$0] }, scale: matrix.scale)
        let innerContext = RatingContext(catalogue: context.catalogue, timestamps: context.timestamps.map { times in training.map { times[$0] } })
        let mean = inner.globalMean, m = configuration.members.count
        var gram = [Float](repeating: 0, count: m * m), moment = [Float](repeating: 0, count: m)
        var columns: [[Float]] = []
        for member in configuration.members {
            let model = try member.fit(inner, context: innerContext, progress: progress)
            columns.append(validation.map {
                model.predict(user: matrix.users[Int(matrix.entryUsers[$0])], item: matrix.items[Int(matrix.entryItems[$0])]) - mean
            })
        }
        let targets = validation.map { matrix.entryValues[$0] - mean }
        for a in 0..<m {
            for b in 0...a {
                var sum = 0.0
                for row in 0..<heldOut { sum += Double(columns[a][row]) * Double(columns[b][row]) }
                gram[a * m + b] = Float(sum / Double(heldOut)) + (a == b ? configuration.regularization : 0)
            }
            var sum = 0.0
            for row in 0..<heldOut { sum += Double(columns[a][row]) * Double(targets[row]) }
            moment[a] = Float(sum / Double(heldOut))
        }
        let solved = gram.withUnsafeMutableBufferPointer { g in
            moment.withUnsafeMutableBufferPointer { w in
                guard Cholesky.factor(g.baseAddress!, dimension: m) else { return false }
                Cholesky.solve(g.baseAddress!, w.baseAddress!, dimension: m)
                return true
            }
        }
        guard solved, moment.allSatisfy(\.isFinite) else {
            throw PipelineError(.invalidArgument, "RatingStack: the members' held-out predictions are collinear; "
                                 + "raise regularization (now \(configuration.regularization))")
        }
        var squaredError = 0.0
        for row in 0..<heldOut {
            let blended = mean + (0..<m).reduce(Float(0)) { $0 + moment[$1] * columns[$1][row] }
            let error = Double(matrix.scale.clip(blended) - (targets[row] + mean))
            squaredError += error * error
        }
        let members = try configuration.members.map { try $0.fit(matrix, context: context, progress: progress) }
        return RatingStack(members: members, weights: moment, globalMean: matrix.globalMean, scale: matrix.scale,
                           validationRMSE: Float((squaredError / Double(heldOut)).squareRoot()))
    }

    /// μ + Σ_j w_j (r̂_j − μ), clipped to ``scale``.
    /// - Complexity: one prediction per member.
    public func predict(user: UserID, item: ItemID) -> Float {
        var value = globalMean
        for (member, weight) in zip(members, weights) { value += weight * (member.predict(user: user, item: item) - globalMean) }
        return scale.clip(value)
    }
}
