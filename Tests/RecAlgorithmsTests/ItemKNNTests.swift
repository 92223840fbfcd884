import Foundation
import Testing
import RecCore
import RecTestSupport
@testable import RecAlgorithms

@Suite struct ItemKNNTests {
    /// u0: i0 = 1, i1 = 2; u1: i0 = 2, i2 = 1; u2: i1 = 1, i2 = 1. Item columns (over u0, u1, u2):
    /// i0 = (1, 2, 0), i1 = (2, 0, 1), i2 = (0, 1, 1); ‖i0‖ = ‖i1‖ = √5, ‖i2‖ = √2.
    static let paper = InteractionMatrix([
        Interaction(user: "u0", item: "i0", kind: .watched, value: 1), Interaction(user: "u0", item: "i1", kind: .watched, value: 2),
        Interaction(user: "u1", item: "i0", kind: .watched, value: 2), Interaction(user: "u1", item: "i2", kind: .watched, value: 1),
        Interaction(user: "u2", item: "i1", kind: .watched, value: 1), Interaction(user: "u2", item: "i2", kind: .watched, value: 1),
    ], scale: .oneToFive)

    @Test func cosineOnAThreeByThreeMatrixMatchesTheHandComputation() async throws {
        let model = try await ItemKNN.fit(Self.paper)
        let similar = model.similarItems(to: "i0", count: 5)
        // i0·i2 = 2 → 2/√10; i0·i1 = 2 → 2/5.
        #expect(similar.map(\.item) == ["i2", "i1"])
        #expect(abs(similar[0].score - 2 / Float(10).squareRoot()) < 1e-6)
        #expect(abs(similar[1].score - 0.4) < 1e-6)
        // u2 has i1 and i2 (values 1): score(i0) = sim(i1, i0) + sim(i2, i0) = 0.4 + 2/√10.
        let list = model.recommend(for: "u2", count: 5)
        #expect(list.items.map(\.item) == ["i0"])
        #expect(abs(list.items[0].score - (0.4 + 2 / Float(10).squareRoot())) < 1e-6)
    }

    @Test func shrinkageAddsToTheDenominator() async throws {
        let model = try await ItemKNN.fit(Self.paper, configuration: .init(shrinkage: 1))
        let similar = model.similarItems(to: "i0", count: 5)
        // 2/(√5·√2 + 1) and 2/(5 + 1).
        #expect(abs(similar[0].score - 2 / (Float(10).squareRoot() + 1)) < 1e-6)
        #expect(abs(similar[1].score - 1 / 3) < 1e-6)
    }

    @Test func matchesImplicitsCosineRecommender() async throws {
        let fixture = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: TestData.fixture("reference/itemknn-small.json")))
        let matrix = InteractionMatrix(fixture.triplets.map {
            Interaction(user: UserID("\(Int($0[0]))"), item: ItemID("\(Int($0[1]))"), kind: .watched, value: Float($0[2]))
        }, scale: .oneToFive)
        let model = try await ItemKNN.fit(matrix, configuration: .init(neighbors: fixture.neighbors))
        for a in 0..<fixture.items {
            for b in 0..<fixture.items {
                let row = try #require(model.history.items.index(of: ItemID("\(a)")))
                let column = try #require(model.history.items.index(of: ItemID("\(b)")))
                let found = model.neighbours.value(row: row, column: Int32(column))
                #expect(abs(found - Float(fixture.similarity[a][b])) < 1e-5, "sim(\(a), \(b))")
            }
        }
        for expected in fixture.recommendations {
            let list = model.recommend(for: UserID("\(expected.user)"), count: fixture.items)
            let scores = Dictionary(uniqueKeysWithValues: list.items.map { ($0.item, $0.score) })
            let seen = Set(fixture.triplets.filter { Int($0[0]) == expected.user }.map { Int($0[1]) })
            let unseen = zip(expected.items, expected.scores).filter { !seen.contains($0.0) }
            for (item, score) in unseen {
                #expect(abs((scores[ItemID("\(item)")] ?? -1) - Float(score)) < 1e-5, "user \(expected.user) item \(item)")
            }
            let positive = unseen.filter { $0.1 > 0 }.map { ItemID("\($0.0)") }
            #expect(Array(list.items.prefix(positive.count).map(\.item)) == positive, "user \(expected.user)")
        }
    }

    @Test func foldInOfATrainingUsersHistoryGivesTheirList() async throws {
        let matrix = Checkerboard.matrix
        let model = try await ItemKNN.fit(matrix, configuration: .init(neighbors: 6))
        for u in 0..<matrix.users.count {
            let history = Dictionary(uniqueKeysWithValues: matrix.row(u).items.map { (matrix.items[Int($0)], Float(1)) })
            let user = matrix.users[u]
            #expect(model.recommend(forHistory: history, count: 10, excluding: []) == model.recommend(for: user, count: 10))
        }
    }

    @Test func codableRoundTripKeepsTheLists() async throws {
        let model = try await ItemKNN.fit(Checkerboard.matrix)
        let decoded = try JSONDecoder().decode(ItemKNN.self, from: JSONEncoder().encode(model))
        #expect(decoded.recommend(for: "u4", count: 5) == model.recommend(for: "u4", count: 5))
    }

    @Test(arguments: [
        (ItemKNNConfiguration(neighbors: 0), "neighbors"),
        (ItemKNNConfiguration(shrinkage: -1), "shrinkage"),
        (ItemKNNConfiguration(shrinkage: .nan), "shrinkage"),
    ])
    func invalidConfigurationNamesTheField(configuration: ItemKNNConfiguration, field: String) async {
        let error = await #expect(throws: AlgorithmError.self) { try await ItemKNN.fit(Self.paper, configuration: configuration) }
        #expect(error?.message.contains("'\(field)'") == true)
    }

    @Test func nonFiniteValueIsAClearError() async {
        let matrix = InteractionMatrix([Interaction(user: "a", item: "x", kind: .watched, value: .infinity)], scale: .oneToFive)
        let error = await #expect(throws: AlgorithmError.self) { try await ItemKNN.fit(matrix) }
        #expect(error?.message.contains("finite") == true)
    }

    private struct Fixture: Decodable {
        struct Recommendation: Decodable {
            let user: Int
            let items: [Int]
            let scores: [Double]
        }
        let items: Int
        let neighbors: Int
        let triplets: [[Double]]
        let similarity: [[Double]]
        let recommendations: [Recommendation]
    }
}
