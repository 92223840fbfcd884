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
}
