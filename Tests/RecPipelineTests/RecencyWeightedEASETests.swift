import Foundation
import RecAlgorithms
import RecCore
import RecEvaluation
import RecPipeline
import RecTestSupport
import Testing

/// EASE scored from recency-weighted histories against numpy's: `Tests/Fixtures/reference/ease-recency-ml100k.json`,
/// made by `scripts/reference/ease_recency.py` (float64 inverse, same split), on the p1-temporal test split and on the
/// validation split `marquee tune` chooses on.
@Suite(.enabled(if: TestData.isAvailable("ml-100k/u.data"), TestData.skipMessage("ml-100k/u.data")))
struct RecencyWeightedEASETests {
    struct Fixture: Decodable {
        struct Case: Decodable {
            var regularization: Float
            var halfLifeShare: Float?
            var test: Double
            var validation: Double
            enum CodingKeys: String, CodingKey {
                case regularization, halfLifeShare = "half_life_share", test = "test_ndcg@10", validation = "validation_ndcg@10"
            }
        }
        var cases: [Case]
    }

    @Test func ndcgMatchesNumpyOnTestAndValidation() async throws {
        let fixture = try JSONDecoder().decode(Fixture.self,
                                               from: Data(contentsOf: TestData.fixture("reference/ease-recency-ml100k.json")))
        let (split, _) = try TopNEvaluating.split("ml-100k", by: .p1Temporal, data: DataLocation(explicit: TestData.dataDirectory.path))
        let validation = TopNProtocol.p1Temporal.validation(from: split.train)
        for expected in fixture.cases {
            let weighting = expected.halfLifeShare.map(RecencyWeighting.init(halfLifeShare:))
            for (part, reference) in [(split, expected.test), (validation, expected.validation)] {
                let report = try await TopNEvaluation.evaluate(part, algorithm: "ease", dataset: "ml-100k",
                                                               historyWeighting: weighting) { matrix in
                    try await EASE.fit(matrix, configuration: EASEConfiguration(regularization: expected.regularization))
                }
                #expect(abs(report.ndcg - reference) < 1e-3,
                        "λ \(expected.regularization), share \(String(describing: expected.halfLifeShare)), \(part.name): \(report.ndcg) vs \(reference)")
            }
        }
    }
}
