import Foundation
import Testing
import RecCore
import RecTestSupport
@testable import RecAlgorithms

@Suite struct ScoreExplanationTests {
    struct Fixture: Decodable {
        struct Inputs: Decodable {
            var values: [[Float]]
            var item_factors: [[Float]]
            var regularization: Float
            var alpha: Float
        }
        struct Case: Decodable {
            var user: Int
            var item: Int
            var implicit_total: Float
            var implicit_contributions: [[Float]]
            var fold_in_score: Float
        }
        var inputs: Inputs
        var cases: [Case]
    }

    /// An ALS model with the fixture's hand-set item factors; items are `i0`…`i4` in factor order.
    static func model(_ inputs: Fixture.Inputs) -> ImplicitALS {
        let items = inputs.item_factors.count
        let matrix = InteractionMatrix((0..<items).map {
            Interaction(user: "u", item: ItemID("i\($0)"), kind: .watched, value: 1)
        }, scale: .oneToFive)
        let configuration = ImplicitALSConfiguration(factors: 3, regularization: inputs.regularization,
                                                     confidence: .scaled(alpha: inputs.alpha), solver: .cholesky)
        return ImplicitALS(configuration: configuration, history: TrainingHistory(matrix), userFactors: [0, 0, 0],
                           itemFactors: inputs.item_factors.flatMap { $0 })
    }

    /// Every (user, unseen item) of `scripts/reference/als_explain.py`: the contributions equal implicit 0.7.3's
    /// `explain` item by item, and they sum to the score the fold-in serves and to numpy's float64 y_i·x_u.
    @Test func alsContributionsMatchImplicitAndSumToTheFoldInScore() throws {
        let data = try Data(contentsOf: TestData.fixture("reference/als-explain.json"))
        let fixture = try JSONDecoder().decode(Fixture.self, from: data)
        let model = Self.model(fixture.inputs)
        try #require(fixture.cases.count >= 10)
        for reference in fixture.cases {
            var history: [ItemID: Float] = [:]
            for (item, value) in fixture.inputs.values[reference.user].enumerated() where value != 0 {
                history[ItemID("i\(item)")] = value
            }
            let item = ItemID("i\(reference.item)")
            let explanation = try #require(model.explain(item, history: history, count: 10))
            let label = "user \(reference.user), item \(reference.item)"
            #expect(explanation.remainder == 0, "\(label)")
            #expect(explanation.contributions.count == reference.implicit_contributions.count, "\(label)")
            for pair in reference.implicit_contributions {
                let share = explanation.contributions.first { $0.item == ItemID("i\(Int(pair[0]))") }?.score
                #expect(abs((share ?? .infinity) - pair[1]) < 1e-4, "\(label), contribution of i\(Int(pair[0]))")
            }
            let sum = explanation.contributions.reduce(0) { $0 + $1.score }
            #expect(abs(sum - reference.fold_in_score) < 1e-4, "\(label)")
            #expect(abs(explanation.score - reference.implicit_total) < 1e-4, "\(label)")
            let served = model.recommend(forHistory: history, count: 5, excluding: []).items.first { $0.item == item }
            #expect(abs((served?.score ?? .infinity) - sum) < 1e-4, "\(label)")
        }
    }

    /// Keeping fewer contributions moves the rest into the remainder: listed + remainder is still the score.
    @Test func keptContributionsPlusRemainderSumToTheScore() throws {
        let fixture = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: TestData.fixture("reference/als-explain.json")))
        let model = Self.model(fixture.inputs)
        let history: [ItemID: Float] = ["i1": 2, "i3": 1, "i4": 1]
        let full = try #require(model.explain("i0", history: history, count: 10))
        let top = try #require(model.explain("i0", history: history, count: 1))
        #expect(top.contributions == Array(full.contributions.prefix(1)))
        #expect(full.contributions.count == 3)
        #expect(abs(top.contributions[0].score + top.remainder - full.score) < 1e-6)
        #expect(top.contributions[0].score >= full.contributions[1].score)
        #expect(model.explain("unknown", history: history, count: 3) == nil)
        #expect(model.explain("i0", history: ["unknown": 1], count: 3) == nil)
    }

    /// Item-kNN: u2 has i1 and i2; score(i0) = sim(i1, i0) + sim(i2, i0) = 0.4 + 2/√10, split into those two terms.
    @Test func itemKNNContributionsAreTheNeighbourWeights() async throws {
        let model = try await ItemKNN.fit(ItemKNNTests.paper)
        let history: [ItemID: Float] = ["i1": 1, "i2": 1]
        let explanation = try #require(model.explain("i0", history: history, count: 5))
        #expect(explanation.contributions.map(\.item) == ["i2", "i1"])
        #expect(abs(explanation.contributions[0].score - 2 / Float(10).squareRoot()) < 1e-6)
        #expect(abs(explanation.contributions[1].score - 0.4) < 1e-6)
        let served = try #require(model.recommend(forHistory: history, count: 5, excluding: []).items.first { $0.item == "i0" })
        #expect(abs(explanation.score - served.score) < 1e-6)
        let weighted = try #require(model.explain("i0", history: ["i1": 3], count: 5))
        #expect(abs(weighted.score - 1.2) < 1e-6)
    }

    /// Content-based: history a (weight 3), b (weight 1) gives s = (3, 1); c = (1, 1)/√2 scores 4/(√10·√2), which
    /// splits into a's 3/(√10·√2) and b's 1/(√10·√2).
    @Test func contentContributionsSplitTheCosine() throws {
        let model = try ContentBased.fit(ContentBasedTests.watched([("t", "a", 1), ("x", "b", 1)]),
                                         embeddings: ContentBasedTests.embeddings)
        let history: [ItemID: Float] = ["a": 3, "b": 1]
        let explanation = try #require(model.explain("c", history: history, count: 5))
        let unit = Float(10).squareRoot() * Float(2).squareRoot()
        #expect(explanation.contributions.map(\.item) == ["a", "b"])
        #expect(abs(explanation.contributions[0].score - 3 / unit) < 1e-6)
        #expect(abs(explanation.contributions[1].score - 1 / unit) < 1e-6)
        let served = try #require(model.recommend(forHistory: history, count: 4, excluding: []).items.first { $0.item == "c" })
        #expect(abs(explanation.score - served.score) < 1e-6)
        #expect(model.explain("zzz", history: history, count: 5) == nil)
    }
}
