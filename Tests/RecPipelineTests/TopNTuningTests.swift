import Foundation
import Testing
import RecCore
import RecEvaluation
import RecPipeline
import RecTestSupport

@Suite(.enabled(if: TestData.isAvailable("ml-100k/u.data"), TestData.skipMessage("ml-100k/u.data")))
struct TopNTuningTests {
    let data = DataLocation(explicit: TestData.dataDirectory.path)

    /// The validation split is cut from the training positives alone: none of its pairs is a test pair.
    @Test func validationNeverSeesTestItems() throws {
        let (split, _) = try TopNEvaluating.split("ml-100k", by: .p1Temporal, data: data)
        let validation = TopNProtocol.p1Temporal.validation(from: split.train)
        let trainPairs = Set(split.train.map { "\($0.user)|\($0.item)" })
        var validationPairs = Set(validation.train.map { "\($0.user)|\($0.item)" })
        for (user, items) in validation.test { for item in items { validationPairs.insert("\(user)|\(item)") } }
        #expect(validationPairs == trainPairs)
        for (user, items) in split.test {
            #expect(items.isDisjoint(with: validation.test[user, default: []]))
        }
    }

    @Test func gridSearchTriesEveryCandidateAndReportsTheBestOnTest() async throws {
        let result = try await TopNTuning.tune("ml-100k", algorithms: [.itemKNN], data: data)
        let weightings = TopNAlgorithm.itemKNN.historyWeightings
        #expect(result.trials.count == TopNAlgorithm.itemKNN.tuningGrid.count * (1 + weightings.count))
        #expect(result.trials.filter { $0.historyWeighting == nil }.map(\.configuration) == TopNAlgorithm.itemKNN.tuningGrid)
        #expect(Set(result.trials.compactMap(\.historyWeighting)) == Set(weightings))
        #expect(result.best.validationNDCG == result.trials.map(\.validationNDCG).max())
        #expect(result.test.algorithm == "item-knn")
        #expect(result.test.users == 938)
        #expect(result.text.contains("chosen on validation: item-knn"))
    }

    @Test func randomSearchIsSeededAndStopsEarly() async throws {
        let strategy = SearchStrategy.random(trials: 8, patience: 2, seed: 3)
        let a = try await TopNTuning.tune("ml-100k", algorithms: [.itemKNN, .userKNN], strategy: strategy, data: data)
        let b = try await TopNTuning.tune("ml-100k", algorithms: [.itemKNN, .userKNN], strategy: strategy, data: data)
        #expect(a.trials.map(\.configuration) == b.trials.map(\.configuration))
        // Replay the stopping rule on the recorded scores: each candidate counts with its best scoring (unweighted
        // or one of its history weightings), and the search ends after 2 candidates in a row without a new best, or
        // after 8 candidates.
        var candidates: [Double] = []
        for trial in a.trials {
            if trial.historyWeighting == nil { candidates.append(trial.validationNDCG) }
            else { candidates[candidates.count - 1] = max(candidates[candidates.count - 1], trial.validationNDCG) }
        }
        var best = -1.0, sinceBest = 0, expectedCount = 0
        for score in candidates {
            expectedCount += 1
            if score > best { best = score; sinceBest = 0 } else { sinceBest += 1 }
            if sinceBest == 2 { break }
        }
        #expect(candidates.count == expectedCount)
        #expect(a.stoppedEarly == (expectedCount < 8))
    }
}
