import Testing
import RecCore
import RecAlgorithms

@Suite struct RandomRecommenderTests {
    let matrix = Checkerboard.matrix

    @Test func aUsersListIsFixedBySeedAndUser() throws {
        let model = try RandomRecommender.fit(matrix, seed: 3)
        let again = try RandomRecommender.fit(matrix, seed: 3)
        #expect(model.recommend(for: "u5", count: 8) == again.recommend(for: "u5", count: 8))
        #expect(model.recommend(for: "u5", count: 8) == model.recommend(for: "u5", count: 8))
    }

    @Test func usersAndSeedsGetDifferentLists() throws {
        let model = try RandomRecommender.fit(matrix, seed: 3)
        let other = try RandomRecommender.fit(matrix, seed: 4)
        let all = model.recommend(for: "u5", count: 20, excluding: [], includeSeen: true)
        #expect(all.items != model.recommend(for: "u7", count: 20, excluding: [], includeSeen: true).items)
        #expect(all.items != other.recommend(for: "u5", count: 20, excluding: [], includeSeen: true).items)
        #expect(all.items.allSatisfy { $0.score >= 0 && $0.score < 1 })
    }

    @Test func itIsNotPersonalised() throws {
        // Over all users the withheld item ranks first about as often as any other unseen item: 1 in 10 here.
        let model = try RandomRecommender.fit(matrix, seed: 11)
        let hits = (0..<Checkerboard.size).filter { model.recommend(for: UserID("u\($0)"), count: 1).items.first?.item == ItemID("i\($0)") }
        #expect(hits.count < Checkerboard.size / 2)
    }
}
