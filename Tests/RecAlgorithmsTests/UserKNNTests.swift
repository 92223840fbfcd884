import Foundation
import Testing
import RecCore
@testable import RecAlgorithms

@Suite struct UserKNNTests {
    /// User rows over (i0, i1, i2): u0 = (1, 2, 0), u1 = (2, 0, 1), u2 = (0, 1, 1); ‖u0‖ = ‖u1‖ = √5, ‖u2‖ = √2.
    static let paper = ItemKNNTests.paper

    @Test func scoresAreSimilarityWeightedNeighbourValues() async throws {
        let model = try await UserKNN.fit(Self.paper)
        // sim(u0, u1) = 2/5, sim(u0, u2) = 2/√10; both have i2 with value 1.
        let list = model.recommend(for: "u0", count: 5)
        #expect(list.items.map(\.item) == ["i2"])
        #expect(abs(list.items[0].score - (0.4 + 2 / Float(10).squareRoot())) < 1e-6)
        // With one neighbour kept, u0 keeps only itself (similarity 1), so i2 scores 0.
        let narrow = try await UserKNN.fit(Self.paper, configuration: .init(neighbors: 1))
        #expect(narrow.recommend(for: "u0", count: 5).items.map(\.score) == [0])
    }

    @Test func shrinkageAddsToTheDenominator() async throws {
        let model = try await UserKNN.fit(Self.paper, configuration: .init(shrinkage: 1))
        let score = try #require(model.recommend(for: "u0", count: 1).items.first?.score)
        #expect(abs(score - (2 / 6 + 2 / (Float(10).squareRoot() + 1))) < 1e-6)
    }

    @Test func foldInOfATrainingUsersHistoryGivesTheirList() async throws {
        let matrix = Checkerboard.matrix
        let model = try await UserKNN.fit(matrix, configuration: .init(neighbors: 4, shrinkage: 1))
        for u in 0..<matrix.users.count {
            let history = Dictionary(uniqueKeysWithValues: matrix.row(u).items.map { (matrix.items[Int($0)], Float(1)) })
            #expect(model.recommend(forHistory: history, count: 10, excluding: [])
                    == model.recommend(for: matrix.users[u], count: 10))
        }
    }

    @Test func codableRoundTripKeepsTheLists() async throws {
        let model = try await UserKNN.fit(Checkerboard.matrix)
        let decoded = try JSONDecoder().decode(UserKNN.self, from: JSONEncoder().encode(model))
        #expect(decoded.recommend(for: "u4", count: 5) == model.recommend(for: "u4", count: 5))
        #expect(decoded.recommend(forHistory: ["i1": 1], count: 5, excluding: [])
                == model.recommend(forHistory: ["i1": 1], count: 5, excluding: []))
    }

    @Test func aSingleUserGetsOnlyFiniteScores() async throws {
        let matrix = InteractionMatrix([Interaction(user: "a", item: "x", kind: .watched, value: 1),
                                        Interaction(user: "a", item: "y", kind: .watched, value: 1)], scale: .oneToFive)
        let list = try await UserKNN.fit(matrix).recommend(for: "a", count: 5, excluding: [], includeSeen: true)
        #expect(list.items.count == 2 && list.items.allSatisfy { $0.score.isFinite })
    }

    @Test(arguments: [
        (UserKNNConfiguration(neighbors: 0), "neighbors"),
        (UserKNNConfiguration(shrinkage: -0.5), "shrinkage"),
        (UserKNNConfiguration(shrinkage: .infinity), "shrinkage"),
    ])
    func invalidConfigurationNamesTheField(configuration: UserKNNConfiguration, field: String) async {
        let error = await #expect(throws: AlgorithmError.self) { try await UserKNN.fit(Self.paper, configuration: configuration) }
        #expect(error?.message.contains("'\(field)'") == true)
    }
}
