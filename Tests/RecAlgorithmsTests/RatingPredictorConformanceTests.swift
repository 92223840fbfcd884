import Foundation
import Testing
import RecCore
@testable import RecAlgorithms

/// Every rating predictor, with small settings so that debug-mode tests stay fast.
enum PredictorKind: String, CaseIterable, CustomTestStringConvertible {
    case globalMean, baselineALS, baselineSGD, biasedMF, biasedMFEarlyStopping, svdPlusPlus, knnItemBased, knnUserBased
    case autorec, neuralMF, lstmHistory

    var testDescription: String { rawValue }

    func fit(_ matrix: InteractionMatrix, seed: UInt64 = 7) throws -> any RatingPredictor {
        switch self {
        case .globalMean: try GlobalMean.fit(matrix)
        case .baselineALS: try BaselinePredictor.fit(matrix)
        case .baselineSGD: try BaselinePredictor.fit(matrix, configuration: .init(method: .stochasticGradientDescent()))
        case .biasedMF: try BiasedMF.fit(matrix, configuration: .init(factors: 4, epochs: 10, learningRate: 0.02, seed: seed))
        case .biasedMFEarlyStopping:
            try BiasedMF.fit(matrix, configuration: .init(factors: 4, epochs: 10, learningRate: 0.02, validationFraction: 0.25,
                                                          patience: 2, seed: seed))
        case .svdPlusPlus: try SVDPlusPlus.fit(matrix, configuration: .init(factors: 4, epochs: 10, seed: seed))
        case .knnItemBased: try KNNBaseline.fit(matrix, configuration: .init(shrinkage: 1))
        case .knnUserBased: try KNNBaseline.fit(matrix, configuration: .init(shrinkage: 1, userBased: true))
        case .autorec:
            try AutoRec.fit(matrix, configuration: .init(hiddenUnits: 6, training: Self.neuralTraining(seed: seed)))
        case .neuralMF:
            try NeuralMF.fit(matrix, configuration: .init(factors: 4, hiddenLayers: [8], training: Self.neuralTraining(seed: seed)))
        case .lstmHistory:
            try LSTMHistory.fit(matrix, configuration: .init(historyLength: 3, itemFactors: 4, hiddenUnits: 4,
                                                             outputHiddenUnits: 4, training: Self.neuralTraining(seed: seed)))
        }
    }

    /// A few epochs with a validation slice, two workers: enough to exercise every path of the neural trainer.
    static func neuralTraining(seed: UInt64) -> NeuralTrainingConfiguration {
        NeuralTrainingConfiguration(epochs: 5, batchSize: 4, optimizer: .init(learningRate: 0.01), validationFraction: 0.2,
                                    patience: 2, seed: seed, threads: 2)
    }

    /// The model's bias terms, or for ``GlobalMean`` just its mean.
    func biases(of model: any RatingPredictor) throws -> BaselineBiases {
        switch model {
        case let model as GlobalMean: BaselineBiases(globalMean: model.mean, userBiases: [], itemBiases: [])
        case let model as BaselinePredictor: model.biases
        case let model as BiasedMF: model.parameters.biases
        case let model as SVDPlusPlus: model.parameters.biases
        case let model as KNNBaseline: model.biases
        case let model as AutoRec: model.fallback
        case let model as NeuralMF: model.biases
        case let model as LSTMHistory: model.biases
        default: throw AlgorithmError(.invalidModel, "no biases for \(type(of: model))")
        }
    }

    /// Encodes `model` as JSON and decodes it as its own type.
    func roundTrip(_ model: any RatingPredictor) throws -> any RatingPredictor {
        func trip<M: RatingPredictor & Codable>(_ model: M) throws -> M {
            try JSONDecoder().decode(M.self, from: JSONEncoder().encode(model))
        }
        switch model {
        case let model as GlobalMean: return try trip(model)
        case let model as BaselinePredictor: return try trip(model)
        case let model as BiasedMF: return try trip(model)
        case let model as SVDPlusPlus: return try trip(model)
        case let model as KNNBaseline: return try trip(model)
        case let model as AutoRec: return try trip(model)
        case let model as NeuralMF: return try trip(model)
        case let model as LSTMHistory: return try trip(model)
        default: throw AlgorithmError(.invalidModel, "no round trip for \(type(of: model))")
        }
    }
}

/// The suite every rating predictor passes: determinism, fallbacks, clipping, no NaN, clear errors.
@Suite struct RatingPredictorConformanceTests {
    /// Five users and four items; user "e" and item "w" each have a single rating.
    static let ratings: [(UserID, ItemID, Float)] = [
        ("a", "x", 5), ("a", "y", 4), ("a", "z", 1),
        ("b", "x", 4), ("b", "y", 5), ("b", "z", 2),
        ("c", "x", 1), ("c", "y", 2), ("c", "z", 5),
        ("d", "x", 2), ("d", "z", 4), ("d", "w", 3),
        ("e", "y", 4),
    ]

    static func matrix(mapping transform: (Float) -> Float = { $0 }) -> InteractionMatrix {
        InteractionMatrix(ratings.map { Interaction(user: $0.0, item: $0.1, value: transform($0.2)) }, scale: .oneToFive)
    }

    static let users: [UserID] = ["a", "b", "c", "d", "e"]
    static let items: [ItemID] = ["x", "y", "z", "w"]

    private func allPredictions(_ model: any RatingPredictor) -> [Float] {
        (Self.users + ["nobody"]).flatMap { user in (Self.items + ["nothing"]).map { model.predict(user: user, item: $0) } }
    }

    @Test(arguments: PredictorKind.allCases)
    func sameSeedGivesBitwiseIdenticalPredictions(kind: PredictorKind) throws {
        let first = try kind.fit(Self.matrix()), second = try kind.fit(Self.matrix())
        #expect(allPredictions(first).map(\.bitPattern) == allPredictions(second).map(\.bitPattern))
    }

    @Test(arguments: PredictorKind.allCases)
    func unknownUsersAndItemsFallBackToTheBaselineTermsThatExist(kind: PredictorKind) throws {
        let matrix = Self.matrix()
        let model = try kind.fit(matrix)
        let biases = try kind.biases(of: model)
        let user = try #require(matrix.users.index(of: "a")), item = try #require(matrix.items.index(of: "y"))
        let userBias = biases.userBiases.isEmpty ? 0 : biases.userBiases[user]
        let itemBias = biases.itemBiases.isEmpty ? 0 : biases.itemBiases[item]
        #expect(model.predict(user: "nobody", item: "y") == matrix.scale.clip(biases.globalMean + itemBias))
        #expect(model.predict(user: "a", item: "nothing") == matrix.scale.clip(biases.globalMean + userBias))
        #expect(model.predict(user: "nobody", item: "nothing") == matrix.scale.clip(biases.globalMean))
        #expect(abs(biases.globalMean - 42.0 / 13.0) < 1e-6)
    }

    /// Values far outside 1…5 push every raw prediction past the scale, so each must come back clipped.
    @Test(arguments: PredictorKind.allCases, [(Float(5), Float(5)), (Float(-5), Float(1))])
    func predictionsAreClippedToTheScale(kind: PredictorKind, shift: (offset: Float, expected: Float)) throws {
        let model = try kind.fit(Self.matrix { $0 + 3 * shift.offset })
        #expect(allPredictions(model).allSatisfy { $0 == shift.expected })
    }

    @Test(arguments: PredictorKind.allCases)
    func singleRatingUsersAndItemsGiveFinitePredictionsInScale(kind: PredictorKind) throws {
        let model = try kind.fit(Self.matrix())
        #expect(allPredictions(model).allSatisfy { $0.isFinite && $0 >= 1 && $0 <= 5 })
        #expect(model.predict(user: "e", item: "w").isFinite)
    }

    @Test(arguments: PredictorKind.allCases)
    func fittingAnEmptyMatrixThrowsAClearError(kind: PredictorKind) {
        let error = #expect(throws: AlgorithmError.self) {
            try kind.fit(InteractionMatrix([Interaction](), scale: .oneToFive))
        }
        #expect(error?.code == .emptyTrainingData)
        #expect(error?.message.contains("no rated entries") == true)
    }

    @Test(arguments: PredictorKind.allCases)
    func aStoredModelPredictsLikeTheOriginal(kind: PredictorKind) throws {
        let model = try kind.fit(Self.matrix())
        let restored = try kind.roundTrip(model)
        #expect(allPredictions(restored).map(\.bitPattern) == allPredictions(model).map(\.bitPattern))
    }
}
