import Foundation
import Synchronization
import Testing
import RecCore
@testable import RecAlgorithms

@Suite struct BiasedMFTests {
    /// Noise ratings from a fixed seed: nothing to learn beyond the biases, so a large-rate, unregularised
    /// model first improves on held-out ratings and then overfits.
    static let noise: InteractionMatrix = {
        var generator = SplitMix64(seed: 11)
        var interactions: [Interaction] = []
        for user in 0..<20 {
            for item in 0..<15 where Int.random(in: 0..<2, using: &generator) == 0 {
                interactions.append(Interaction(user: UserID("u\(user)"), item: ItemID("i\(item)"),
                                                value: Float(Int.random(in: 1...5, using: &generator))))
            }
        }
        return InteractionMatrix(interactions, scale: .oneToFive)
    }()

    static func overfitting(epochs: Int, patience: Int) -> BiasedMFConfiguration {
        BiasedMFConfiguration(factors: 8, epochs: epochs, learningRate: 0.05, factorRegularization: 0,
                              validationFraction: 0.3, patience: patience, seed: 3)
    }

    /// Early stopping must return the best epoch's parameters, not the last epoch's: the model equals one
    /// trained for exactly `bestEpoch` epochs on the same split and shuffles.
    @Test func earlyStoppingKeepsTheBestValidationEpoch() throws {
        let stopped = try BiasedMF.fit(Self.noise, configuration: Self.overfitting(epochs: 200, patience: 3))
        let best = try #require(stopped.bestEpoch)
        let rmses = stopped.validationRMSEs
        #expect(rmses.count == best + 3, "stops `patience` epochs after the best")
        #expect(rmses.count < 200, "overfitting noise must trigger the stop")
        #expect(rmses[best - 1] == rmses.min())

        let exact = try BiasedMF.fit(Self.noise, configuration: Self.overfitting(epochs: best, patience: 1000))
        #expect(exact.validationRMSEs == Array(rmses.prefix(best)))
        #expect(exact.parameters == stopped.parameters)
    }

    @Test func withoutValidationNoEpochIsReported() throws {
        let model = try BiasedMF.fit(Self.noise, configuration: .init(factors: 4, epochs: 3))
        #expect(model.validationRMSEs.isEmpty)
        #expect(model.bestEpoch == nil)
    }

    @Test func progressIsReportedOncePerEpoch() throws {
        let epochs = Mutex<[Int]>([])
        _ = try BiasedMF.fit(Self.noise, configuration: .init(factors: 4, epochs: 3)) { progress in
            #expect(progress.phase == "train biased-mf")
            epochs.withLock { $0.append(progress.completed) }
        }
        #expect(epochs.withLock { $0 } == [1, 2, 3])
    }

    @Test func defaultsAreSurpriseSVDs() {
        let configuration = BiasedMFConfiguration()
        #expect(configuration.factors == 100 && configuration.epochs == 20)
        #expect(configuration.learningRate == 0.005 && configuration.learningRateSchedule == .constant)
        #expect(configuration.biasRegularization == 0.02 && configuration.factorRegularization == 0.02)
        #expect(configuration.initialStandardDeviation == 0.1 && configuration.validationFraction == 0)
    }

    @Test func exponentialDecayMultipliesTheRateEachEpoch() {
        let schedule = LearningRateSchedule.exponentialDecay(rate: 0.5)
        #expect(schedule.learningRate(initial: 0.08, epoch: 0) == 0.08)
        #expect(schedule.learningRate(initial: 0.08, epoch: 3) == 0.01)
    }

    @Test(arguments: [
        (BiasedMFConfiguration(factors: 0), "factors"),
        (BiasedMFConfiguration(validationFraction: 1), "validationFraction"),
        (BiasedMFConfiguration(learningRateSchedule: .exponentialDecay(rate: 1.5)), "learningRateSchedule.rate"),
        (BiasedMFConfiguration(threads: 0), "threads"),
    ])
    func outOfRangeOptionsAreRejectedNamingTheField(configuration: BiasedMFConfiguration, field: String) {
        let error = #expect(throws: AlgorithmError.self) { try BiasedMF.fit(Self.noise, configuration: configuration) }
        #expect(error?.code == .invalidConfiguration)
        #expect(error?.message.contains("'\(field)'") == true)
    }

    @Test func divergingTrainingThrowsInsteadOfReturningNaN() {
        let error = #expect(throws: AlgorithmError.self) {
            try BiasedMF.fit(Self.noise, configuration: .init(factors: 4, epochs: 50, learningRate: 50))
        }
        #expect(error?.message.contains("diverged") == true)
    }

    /// 300 users × 120 items, about a third rated, ratings from a low-rank pattern plus noise: enough entries in
    /// every DSGD block that the workers really overlap.
    static let lowRank: InteractionMatrix = {
        var generator = SplitMix64(seed: 5)
        var interactions: [Interaction] = []
        for user in 0..<300 {
            for item in 0..<120 where Int.random(in: 0..<3, using: &generator) == 0 {
                let pattern: Float = (user % 4 == item % 4) ? 4.5 : 2
                interactions.append(Interaction(user: UserID("u\(user)"), item: ItemID("i\(item)"),
                                                value: min(5, max(1, pattern + Float.random(in: -0.5...0.5, using: &generator)))))
            }
        }
        return InteractionMatrix(interactions, scale: .oneToFive)
    }()

    /// Same seed and thread count ⇒ bitwise the same model, however the workers were scheduled: each block's
    /// order comes from its own generator and blocks running together share no parameters.
    @Test(arguments: [1, 2, 3])
    func sameSeedGivesBitwiseTheSameModel(threads: Int) throws {
        let configuration = BiasedMFConfiguration(factors: 12, epochs: 8, learningRate: 0.02, seed: 4, threads: threads)
        let first = try BiasedMF.fit(Self.lowRank, configuration: configuration)
        for _ in 0..<4 {
            #expect(try BiasedMF.fit(Self.lowRank, configuration: configuration).parameters == first.parameters)
        }
    }

    /// The thread count changes the partition, hence the visiting order, but not what is learned.
    @Test(arguments: [1, 2, 3])
    func everyThreadCountLearnsThePattern(threads: Int) throws {
        let model = try BiasedMF.fit(Self.lowRank, configuration: .init(factors: 8, epochs: 40, learningRate: 0.02,
                                                                        threads: threads))
        var squaredError: Float = 0
        for e in 0..<Self.lowRank.entryCount {
            let user = Self.lowRank.users.ids[Int(Self.lowRank.entryUsers[e])]
            let item = Self.lowRank.items.ids[Int(Self.lowRank.entryItems[e])]
            let error = model.predict(user: user, item: item) - Self.lowRank.entryValues[e]
            squaredError += error * error
        }
        #expect((squaredError / Float(Self.lowRank.entryCount)).squareRoot() < 0.5, "the pattern alone has RMSE ≈ 1.2")
    }

    /// With no epochs the model holds the initial factors: the seeded normals in row order, users first, so
    /// the trainer's padded, block-ordered layout is undone exactly.
    @Test(arguments: [1, 2, 3])
    func initialFactorsComeBackInRowOrder(threads: Int) throws {
        let model = try BiasedMF.fit(Self.lowRank, configuration: .init(factors: 5, epochs: 0, seed: 8, threads: threads))
        var generator = SplitMix64(seed: 8)
        let users = Self.lowRank.users.count * 5, items = Self.lowRank.items.count * 5
        #expect(model.parameters.userFactors == generator.gaussians(count: users, standardDeviation: 0.1))
        #expect(model.parameters.itemFactors == generator.gaussians(count: items, standardDeviation: 0.1))
    }

    @Test func configurationsWithoutThreadsDecodeWithTheDefault() throws {
        var configuration = BiasedMFConfiguration(factors: 7, seed: 3, threads: 3)
        let encoded = try JSONEncoder().encode(configuration)
        #expect(try JSONDecoder().decode(BiasedMFConfiguration.self, from: encoded) == configuration)
        var object = try #require(try JSONSerialization.jsonObject(with: encoded) as? [String: Any])
        object["threads"] = nil
        let old = try JSONSerialization.data(withJSONObject: object)
        configuration.threads = 2
        #expect(try JSONDecoder().decode(BiasedMFConfiguration.self, from: old) == configuration)
    }
}
