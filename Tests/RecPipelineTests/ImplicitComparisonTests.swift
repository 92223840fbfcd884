import Foundation
import Testing
import RecEvaluation
import RecPipeline
import RecTestSupport

/// Marquee's top-N models against implicit 0.7.3 on the `p1-temporal` split, with implicit's default
/// hyperparameters on both sides. Reference values: `Tests/Fixtures/reference/implicit-*-p1temporal.json`,
/// made by `scripts/reference/implicit_topn.py`.
struct ImplicitComparisonTests {
    /// A peer fixture's split sizes and per-algorithm metrics.
    struct Fixture: Decodable {
        struct Split: Decodable {
            var trainPositives: Int
            var testUsers: Int
            var testItems: Int
            enum CodingKeys: String, CodingKey {
                case trainPositives = "train_positives", testUsers = "test_users", testItems = "test_items"
            }
        }
        struct Metrics: Decodable {
            var ndcg: Double
            var coverage: Double
            enum CodingKeys: String, CodingKey { case ndcg = "ndcg@10", coverage = "coverage@10" }
        }
        var split: Split
        var algorithms: [String: Metrics]
    }

    static let cases: [(dataset: String, fixture: String)] = [
        ("ml-100k", "reference/implicit-ml100k-p1temporal.json"),
        ("ml-latest-small", "reference/implicit-mllatest-p1temporal.json"),
    ]

    func fixture(_ path: String) throws -> Fixture {
        try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: TestData.fixture(path)))
    }

    func evaluate(_ algorithm: TopNAlgorithm, on dataset: String) async throws -> TopNReport {
        try await TopNEvaluating.evaluate(TopNEvaluationRequest(dataset: dataset, algorithm: algorithm,
                                                                data: DataLocation(explicit: TestData.dataDirectory.path)))
    }

    /// The protocol is defined in prose; the Python and Swift implementations must cut identical splits.
    @Test(.enabled(if: TestData.isAvailable("ml-latest-small/ratings.csv") && TestData.isAvailable("ml-100k/u.data"),
                   TestData.skipMessage("ml-100k/u.data and ml-latest-small/ratings.csv")),
          arguments: cases)
    func p1TemporalSplitMatchesThePythonSplit(dataset: String, fixture path: String) throws {
        let expected = try fixture(path).split
        let (split, _) = try TopNEvaluating.split(dataset, by: .p1Temporal, data: DataLocation(explicit: TestData.dataDirectory.path))
        #expect(split.train.count == expected.trainPositives)
        #expect(split.test.count == expected.testUsers)
        #expect(split.test.values.map(\.count).reduce(0, +) == expected.testItems)
    }

    @Test(.enabled(if: TestData.isAvailable("ml-latest-small/ratings.csv") && TestData.isAvailable("ml-100k/u.data"),
                   TestData.skipMessage("ml-100k/u.data and ml-latest-small/ratings.csv")),
          arguments: cases)
    func alsNDCGIsWithinThreePercentOfImplicit(dataset: String, fixture path: String) async throws {
        let theirs = try #require(try fixture(path).algorithms["als"])
        let ours = try await evaluate(.als, on: dataset)
        #expect(abs(ours.ndcg / theirs.ndcg - 1) <= 0.03, "\(dataset): \(ours.ndcg) vs implicit \(theirs.ndcg)")
    }

    /// Item-kNN is deterministic and follows implicit's CosineRecommender: within 1 %.
    @Test(.enabled(if: TestData.isAvailable("ml-latest-small/ratings.csv") && TestData.isAvailable("ml-100k/u.data"),
                   TestData.skipMessage("ml-100k/u.data and ml-latest-small/ratings.csv")),
          arguments: cases)
    func itemKNNMatchesImplicitCosine(dataset: String, fixture path: String) async throws {
        let theirs = try #require(try fixture(path).algorithms["item-knn"])
        let ours = try await evaluate(.itemKNN, on: dataset)
        #expect(abs(ours.ndcg / theirs.ndcg - 1) <= 0.01, "\(dataset): \(ours.ndcg) vs implicit \(theirs.ndcg)")
        #expect(abs(ours.coverage - theirs.coverage) <= 0.01, "\(dataset): coverage \(ours.coverage) vs \(theirs.coverage)")
    }

    /// Both sides tune ALS on the same grid and the same validation carve-out, never the test split, from
    /// unweighted histories (implicit has no recency weighting): the tuned test NDCG@10 must agree within 3 %.
    @Test(.enabled(if: TestData.isAvailable("ml-latest-small/ratings.csv") && TestData.isAvailable("ml-100k/u.data"),
                   TestData.skipMessage("ml-100k/u.data and ml-latest-small/ratings.csv")),
          arguments: cases)
    func tunedALSMatchesTunedImplicitALS(dataset: String, fixture path: String) async throws {
        let theirs = try #require(try fixture(path).algorithms["als-tuned"])
        let ours = try await TopNTuning.tune(dataset, algorithms: [.als], weightingHistories: false, data: DataLocation(explicit: TestData.dataDirectory.path))
        #expect(ours.trials.count == 27)
        #expect(abs(ours.test.ndcg / theirs.ndcg - 1) <= 0.03, "\(dataset): \(ours.test.ndcg) vs implicit \(theirs.ndcg)")
    }
}
