import Foundation
import Testing
import RecCore
import RecTestSupport
@testable import RecAlgorithms

@Suite struct EASETests {
    @Test func weightsAndScoresMatchNumpy() async throws {
        let fixture = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: TestData.fixture("reference/ease-small.json")))
        let matrix = InteractionMatrix(fixture.triplets.map {
            Interaction(user: UserID("\(Int($0[0]))"), item: ItemID("\(Int($0[1]))"), kind: .watched, value: Float($0[2]))
        }, scale: .oneToFive)
        let model = try await EASE.fit(matrix, configuration: .init(regularization: Float(fixture.regularization)))
        let n = fixture.items
        for a in 0..<n {
            for b in 0..<n {
                let i = try #require(model.history.items.index(of: ItemID("\(a)")))
                let j = try #require(model.history.items.index(of: ItemID("\(b)")))
                #expect(abs(model.weights[i * n + j] - Float(fixture.weights[a][b])) < 1e-5, "B[\(a)][\(b)]")
            }
        }
        for user in 0..<fixture.users {
            let list = model.recommend(for: UserID("\(user)"), count: n, excluding: [], includeSeen: true)
            for scored in list.items {
                let item = try #require(Int(scored.item.rawValue))
                #expect(abs(scored.score - Float(fixture.scores[user][item])) < 1e-5, "user \(user) item \(item)")
            }
        }
    }

    @Test func aCatalogueOverTheMemoryLimitIsRefusedWithTheGiBNeeded() async {
        let items = 30_000
        let matrix = InteractionMatrix((0..<items).map { Interaction(user: "a", item: ItemID("\($0)"), kind: .watched, value: 1) },
                                       scale: .oneToFive)
        let error = await #expect(throws: AlgorithmError.self) { try await EASE.fit(matrix) }
        // 30,000² × 12 bytes ≈ 10.06 GiB against the default 4 GiB.
        #expect(error?.message.contains("EASE needs about 10 GiB for 30000 items") == true)
        #expect(error?.message.contains("the limit is 4.0 GiB: raise `memoryLimitBytes` or use item-knn") == true)
    }

    @Test func foldInOfATrainingUsersHistoryGivesTheirList() async throws {
        let matrix = Checkerboard.matrix
        let model = try await EASE.fit(matrix, configuration: .init(regularization: 5))
        for u in 0..<matrix.users.count {
            let history = Dictionary(uniqueKeysWithValues: matrix.row(u).items.map { (matrix.items[Int($0)], Float(1)) })
            #expect(model.recommend(forHistory: history, count: 10, excluding: [])
                    == model.recommend(for: matrix.users[u], count: 10))
        }
    }

    @Test(arguments: [
        (EASEConfiguration(regularization: 0), "regularization"),
        (EASEConfiguration(regularization: -1), "regularization"),
        (EASEConfiguration(regularization: .nan), "regularization"),
        (EASEConfiguration(memoryLimitBytes: 0), "memoryLimitBytes"),
        (EASEConfiguration(threads: 0), "threads"),
    ])
    func invalidConfigurationNamesTheField(configuration: EASEConfiguration, field: String) async {
        let error = await #expect(throws: AlgorithmError.self) {
            try await EASE.fit(Checkerboard.matrix, configuration: configuration)
        }
        #expect(error?.message.contains("'\(field)'") == true)
    }

    private struct Fixture: Decodable {
        let users: Int
        let items: Int
        let regularization: Double
        let triplets: [[Double]]
        let weights: [[Double]]
        let scores: [[Double]]
    }
}
