import Synchronization
import Foundation
import Testing
import RecCore
@testable import RecAlgorithms

@Suite struct BPRTests {
    static let small = BPRConfiguration(factors: 8, epochs: 40, learningRate: 0.05, seed: 3)

    /// 30 users in 3 taste groups of 10 items; user u in group g = u mod 3 saw the 6 items of g starting at u / 3,
    /// cyclically within the group, so each user's 4 unseen group items are the right answer.
    static let groups: InteractionMatrix = {
        var interactions: [Interaction] = []
        for user in 0..<30 {
            let group = user % 3
            for offset in 0..<6 {
                let item = group * 10 + (user / 3 + offset) % 10
                interactions.append(Interaction(user: UserID("u\(user)"), item: ItemID("i\(item)"), kind: .watched, value: 1))
            }
        }
        return InteractionMatrix(interactions, scale: .oneToFive)
    }()

    @Test(arguments: [1, 2, 3])
    func sameSeedGivesBitIdenticalFactorsWhateverTheThreadTiming(strata: Int) async throws {
        var configuration = Self.small
        configuration.strata = strata
        let fixed = configuration
        async let first = BPR.fit(Self.groups, configuration: fixed)
        async let second = BPR.fit(Self.groups, configuration: fixed)
        let (a, b) = try await (first, second)
        #expect(a.userFactors == b.userFactors)
        #expect(a.itemFactors == b.itemFactors)
        #expect(a.itemBiases == b.itemBiases)
        configuration.seed = 4
        let other = try await BPR.fit(Self.groups, configuration: configuration)
        #expect(other.itemFactors != a.itemFactors)
    }

    @Test(arguments: [1, 2])
    func learnsTheTasteGroups(strata: Int) async throws {
        var configuration = Self.small
        configuration.strata = strata
        configuration.epochs = 100
        let model = try await BPR.fit(Self.groups, configuration: configuration)
        var hits = 0
        for user in 0..<30 {
            let group = user % 3
            hits += model.recommend(for: UserID("u\(user)"), count: 4).items.filter {
                (Int($0.item.rawValue.dropFirst()) ?? -1) / 10 == group
            }.count
        }
        #expect(hits >= 100, "\(hits) of 120 top-4 items from the user's own group")
    }

    @Test func foldInOfATrainingUsersHistoryAgreesWithTheirList() async throws {
        var configuration = Self.small
        configuration.epochs = 100
        let model = try await BPR.fit(Self.groups, configuration: configuration)
        let matrix = Self.groups
        var overlap = 0
        for u in 0..<matrix.users.count {
            let history = Dictionary(uniqueKeysWithValues: matrix.row(u).items.map { (matrix.items[Int($0)], Float(1)) })
            let folded = Set(model.recommend(forHistory: history, count: 4, excluding: []).items.map(\.item))
            let trained = Set(model.recommend(for: matrix.users[u], count: 4).items.map(\.item))
            overlap += folded.intersection(trained).count
        }
        #expect(overlap >= 84, "\(overlap) of 120: at least 7 in 10 shared")
    }

    @Test func aUserWhoSawEverythingSkipsEveryTripleWithoutNaN() async throws {
        let matrix = InteractionMatrix((0..<3).map { Interaction(user: "a", item: ItemID("\($0)"), kind: .watched, value: 1) },
                                       scale: .oneToFive)
        let model = try await BPR.fit(matrix, configuration: .init(factors: 4, epochs: 2))
        #expect(model.skippedSamples == [3, 3])
        #expect(model.userFactors.allSatisfy { $0.isFinite })
        #expect(model.recommend(for: "a", count: 3).items.isEmpty)
    }

    @Test func progressIsReportedPerEpochAndTheModelRoundTrips() async throws {
        let epochs = Counter()
        let model = try await BPR.fit(Self.groups, configuration: .init(factors: 4, epochs: 3)) { _ in epochs.increment() }
        #expect(epochs.value == 3)
        let decoded = try JSONDecoder().decode(BPR.self, from: JSONEncoder().encode(model))
        #expect(decoded.recommend(for: "u1", count: 5) == model.recommend(for: "u1", count: 5))
    }

    @Test(arguments: [
        (BPRConfiguration(factors: 0), "factors"),
        (BPRConfiguration(epochs: -1), "epochs"),
        (BPRConfiguration(learningRate: .nan), "learningRate"),
        (BPRConfiguration(learningRateSchedule: .exponentialDecay(rate: 1.5)), "learningRateSchedule.rate"),
        (BPRConfiguration(regularization: -0.1), "regularization"),
        (BPRConfiguration(negativeSampleAttempts: 0), "negativeSampleAttempts"),
        (BPRConfiguration(strata: 0), "strata"),
        (BPRConfiguration(foldInEpochs: -1), "foldInEpochs"),
        (BPRConfiguration(foldInLearningRate: 0), "foldInLearningRate"),
    ])
    func invalidConfigurationNamesTheField(configuration: BPRConfiguration, field: String) async {
        let error = await #expect(throws: AlgorithmError.self) { try await BPR.fit(Self.groups, configuration: configuration) }
        #expect(error?.message.contains("'\(field)'") == true)
    }

    @Test func divergenceIsAClearError() async {
        let error = await #expect(throws: AlgorithmError.self) {
            try await BPR.fit(Self.groups, configuration: .init(factors: 4, epochs: 50, learningRate: 1e30))
        }
        #expect(error?.message.contains("lower learningRate") == true)
    }
}

/// A thread-safe count for progress callbacks.
private final class Counter: Sendable {
    private let storage = Mutex(0)
    func increment() { storage.withLock { $0 += 1 } }
    var value: Int { storage.withLock { $0 } }
}
