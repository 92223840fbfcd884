import Testing
import RecAlgorithms
import RecCore
import RecPipeline

@Suite struct RatingStackTests {
    /// Ratings that are exactly μ + b_u + b_i (no interaction term), every user rating every item.
    static let additive: InteractionMatrix = {
        var interactions: [Interaction] = []
        for user in 0..<30 {
            for item in 0..<20 {
                let value = 3 + Float(user % 5) * 0.3 - 0.6 + Float(item % 4) * 0.4 - 0.6
                interactions.append(Interaction(user: UserID("u\(user)"), item: ItemID("i\(item)"), value: value))
            }
        }
        return InteractionMatrix(interactions, scale: .oneToFive)
    }()

    /// Baseline biases with almost no shrinkage, so they reproduce the additive ratings.
    static let unshrunk = RatingModelConfiguration.baseline(
        BaselineConfiguration(method: .alternatingLeastSquares(epochs: 20, userRegularization: 0.01, itemRegularization: 0.01)))

    /// The global mean's centred predictions are all zero, so it gets no weight; the baseline explains every rating,
    /// so it carries the blend with weight 1, and the blend predicts the held-out ratings almost exactly.
    @Test func weightsGoToTheMemberThatExplainsTheRatings() throws {
        let stack = try RatingStack.fit(Self.additive, context: RatingContext(),
                                        configuration: .init(members: [.globalMean, Self.unshrunk],
                                                             validationFraction: 0.2, regularization: 1e-4))
        #expect(stack.weights[0] == 0)
        #expect(abs(stack.weights[1] - 1) < 0.05, "\(stack.weights)")
        #expect(stack.validationRMSE < 0.05)
        #expect(stack.members.count == 2)
    }

    /// Without a ridge term the global mean's all-zero column makes the system singular: an error, not NaN weights.
    @Test func singularWeightsAreAnErrorNamingTheRemedy() {
        let error = #expect(throws: PipelineError.self) {
            try RatingStack.fit(Self.additive, context: RatingContext(),
                                configuration: .init(members: [.globalMean, Self.unshrunk],
                                                     validationFraction: 0.2, regularization: 0))
        }
        #expect(error?.message.contains("raise regularization") == true)
    }

    @Test(arguments: [
        (RatingStackConfiguration(members: [.globalMean]), "members"),
        (RatingStackConfiguration(validationFraction: 0), "validationFraction"),
        (RatingStackConfiguration(regularization: -1), "regularization"),
    ])
    func invalidOptionsAreRejectedByName(configuration: RatingStackConfiguration, field: String) {
        let error = #expect(throws: PipelineError.self) {
            try RatingStack.fit(Self.additive, context: RatingContext(), configuration: configuration)
        }
        #expect(error?.message.contains("'\(field)'") == true)
    }
}
