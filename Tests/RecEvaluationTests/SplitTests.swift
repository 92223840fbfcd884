import Testing
import RecCore
import RecEvaluation

@Suite struct SplitTests {
    /// 10 users × 10 items, rating and timestamp derived from the position.
    let interactions: [Interaction] = (0..<100).map { k in
        Interaction(user: UserID("u\(k / 10)"), item: ItemID("i\(k % 10)"), value: Float(k % 5 + 1),
                    timestamp: Int64(1000 - k))
    }

    @Test func kFoldTestPartsAreDisjointAndCoverEverything() throws {
        let splits = try RandomKFold(folds: 5, seed: 3).splits(of: interactions)
        #expect(splits.count == 5)
        let tested = splits.flatMap(\.test)
        #expect(tested.count == interactions.count)
        #expect(Set(tested) == Set(interactions))
        for split in splits {
            #expect(split.test.count == 20)
            #expect(Set(split.train).isDisjoint(with: split.test))
            #expect(split.train.count + split.test.count == interactions.count)
        }
    }

    @Test func kFoldIsDeterministicForASeedAndVariesAcrossSeeds() throws {
        let a = try RandomKFold(folds: 5, seed: 3).splits(of: interactions).map(\.test)
        let b = try RandomKFold(folds: 5, seed: 3).splits(of: interactions).map(\.test)
        let c = try RandomKFold(folds: 5, seed: 4).splits(of: interactions).map(\.test)
        #expect(a == b)
        #expect(a != c)
    }

    @Test func kFoldRejectsTooFewFolds() {
        #expect(throws: EvaluationError.self) { try RandomKFold(folds: 1).splits(of: interactions) }
    }

    @Test func holdoutKeepsTheRequestedShare() throws {
        let split = try RandomHoldout(fraction: 0.1, seed: 1).split(interactions)
        #expect(split.test.count == 10)
        #expect(split.train.count == 90)
        #expect(Set(split.train).isDisjoint(with: split.test))
    }

    @Test func temporalHoldoutHoldsOutEachUsersLatest() throws {
        let split = try TemporalHoldout(fraction: 0.2).split(interactions)
        #expect(split.test.count == 20)
        for user in Set(interactions.map(\.user)) {
            let trainTimes = split.train.filter { $0.user == user }.compactMap(\.timestamp)
            let testTimes = split.test.filter { $0.user == user }.compactMap(\.timestamp)
            #expect(testTimes.count == 2)
            #expect(try #require(trainTimes.max()) < (try #require(testTimes.min())))
        }
    }

    @Test func temporalHoldoutKeepsShortHistoriesInTraining() throws {
        let single = [Interaction(user: "solo", item: "x", value: 3, timestamp: 5)]
        let split = try TemporalHoldout(fraction: 0.5).split(single + interactions)
        #expect(split.train.contains(single[0]))
        #expect(!split.test.contains { $0.user == "solo" })
    }
}
