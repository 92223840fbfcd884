import Foundation
import Testing
import RecEvaluation
import RecPipeline
import RecTestSupport

/// Marquee against Surprise 1.1.5 on MovieLens 100K's official folds, with the same hyperparameters
/// (Surprise's defaults). Reference values: `Tests/Fixtures/reference/surprise-ml100k-official5.json`,
/// made by `scripts/reference/surprise_folds.py`.
@Suite(.enabled(if: TestData.isAvailable("ml-100k/u1.base"), TestData.skipMessage("ml-100k/u1.base")))
struct SurpriseComparisonTests {
    let reference: PeerReport
    let data = DataLocation(explicit: TestData.dataDirectory.path)

    init() throws {
        reference = try PeerReport.decode(
            try Data(contentsOf: TestData.fixture("reference/surprise-ml100k-official5.json")), source: "fixture")
    }

    func evaluate(_ algorithm: RatingAlgorithm) throws -> EvaluationReport {
        try Evaluating.evaluate(EvaluationRequest(dataset: "ml-100k", split: .official5, algorithm: algorithm, data: data))
    }

    func peer(_ name: String) throws -> PeerReport.Algorithm {
        try #require(reference.algorithms[name], "fixture lacks \(name)")
    }

    /// ALS baseline biases are deterministic: every fold within 0.002 RMSE of BaselineOnly.
    @Test func baselineMatchesBaselineOnlyOnEveryFold() throws {
        let ours = try evaluate(.baseline), theirs = try peer("baseline-als")
        #expect(ours.folds.count == 5)
        for (mine, peerFold) in zip(ours.folds, theirs.folds) {
            #expect(abs(mine.rmse - peerFold.rmse) < 0.002, "\(mine.fold): \(mine.rmse) vs \(peerFold.rmse)")
            #expect(abs(mine.mae - peerFold.mae) < 0.002, "\(mine.fold): \(mine.mae) vs \(peerFold.mae)")
        }
    }

    /// SGD baselines visit ratings in another order than Surprise: within 0.005 on every fold.
    @Test func sgdBaselineIsCloseToBaselineOnlySGD() throws {
        let ours = try evaluate(.baselineSGD), theirs = try peer("baseline-sgd")
        for (mine, peerFold) in zip(ours.folds, theirs.folds) {
            #expect(abs(mine.rmse - peerFold.rmse) < 0.005, "\(mine.fold): \(mine.rmse) vs \(peerFold.rmse)")
        }
    }

    /// Global mean has an exact answer: identical to the hand-made Surprise baseline.
    @Test func globalMeanMatchesExactly() throws {
        let ours = try evaluate(.globalMean), theirs = try peer("global-mean")
        for (mine, peerFold) in zip(ours.folds, theirs.folds) {
            #expect(abs(mine.rmse - peerFold.rmse) < 1e-4, "\(mine.fold)")
        }
    }

    @Test func biasedMFIsNoWorseThanSurpriseSVD() throws {
        let ours = try evaluate(.biasedMF), theirs = try peer("svd")
        #expect(ours.rmse <= theirs.rmse + 0.005, "mean RMSE \(ours.rmse) vs Surprise SVD \(theirs.rmse)")
        #expect(ours.mae <= theirs.mae + 0.005, "mean MAE \(ours.mae) vs Surprise SVD \(theirs.mae)")
    }

    @Test func svdppIsNoWorseThanSurpriseSVDpp() throws {
        let ours = try evaluate(.svdpp), theirs = try peer("svdpp")
        #expect(ours.rmse <= theirs.rmse + 0.005, "mean RMSE \(ours.rmse) vs Surprise SVDpp \(theirs.rmse)")
    }

    @Test func knnBaselineMatchesKNNBaselineOnEveryFold() throws {
        let ours = try evaluate(.knnBaseline), theirs = try peer("knn-baseline")
        for (mine, peerFold) in zip(ours.folds, theirs.folds) {
            #expect(abs(mine.rmse - peerFold.rmse) < 0.005, "\(mine.fold): \(mine.rmse) vs \(peerFold.rmse)")
        }
    }
}
