import Testing
import RecEvaluation
import RecPipeline
import RecTestSupport

#if DEBUG
private let isOptimised = false
#else
private let isOptimised = true
#endif

/// The neural rating models on MovieLens 100K fold u1 through `marquee evaluate`'s code path (catalogue features,
/// rating times): each must beat the bias-only baseline. About 10 s in release; the five-fold figures are in the
/// README, not here.
@Suite(.enabled(if: TestData.isAvailable("ml-100k/u1.base"), TestData.skipMessage("ml-100k/u1.base")),
       .enabled(if: isOptimised, "skipped in debug builds: trains networks on 80,000 ratings; run with -c release"))
struct DeepRatingModelsTests {
    let data = DataLocation(explicit: TestData.dataDirectory.path)

    func foldOne(_ algorithm: RatingAlgorithm) throws -> FoldReport {
        let report = try Evaluating.evaluate(EvaluationRequest(dataset: "ml-100k", split: .official5, algorithm: algorithm,
                                                               folds: [1], data: data))
        return try #require(report.folds.first)
    }

    @Test(arguments: [RatingAlgorithm.autorec, .neuralMF])
    func beatsTheBaselineOnFoldOne(algorithm: RatingAlgorithm) throws {
        let baseline = try foldOne(.baseline), deep = try foldOne(algorithm)
        #expect(deep.testCount == 20_000)
        #expect(deep.rmse < baseline.rmse - 0.02, "\(algorithm.rawValue) \(deep.rmse) vs baseline \(baseline.rmse)")
        #expect(deep.mae < baseline.mae)
    }
}
