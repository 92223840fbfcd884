import Foundation
import Testing
import RecCore
@testable import RecAlgorithms

@Suite struct ContentBasedTests {
    /// a = (1, 0), b = (0, 1), c = (1, 1)/√2, d = (−1, 0); c and d have no training interactions.
    static let embeddings = ItemEmbeddings(items: ["a", "b", "c", "d"], vectors: [1, 0, 0, 1, 3, 3, -2, 0], dimension: 2)

    static func watched(_ pairs: [(UserID, ItemID, Float)]) -> InteractionMatrix {
        InteractionMatrix(pairs.map { Interaction(user: $0.0, item: $0.1, kind: .watched, value: $0.2) }, scale: .oneToFive)
    }

    @Test func aColdItemIsRankedByCosineToTheProfile() throws {
        let model = try ContentBased.fit(Self.watched([("t", "a", 1), ("x", "b", 1)]), embeddings: Self.embeddings)
        let list = model.recommend(for: "t", count: 10)
        // Profile of t = a = (1, 0): cos(c) = 1/√2, cos(b) = 0, cos(d) = −1; a is seen.
        #expect(list.items.map(\.item) == ["c", "b", "d"])
        #expect(abs(list.items[0].score - 1 / Float(2).squareRoot()) < 1e-6)
        #expect(abs(list.items[2].score + 1) < 1e-6)
        #expect(!list.isFallback)
    }

    @Test func theProfileIsTheValueWeightedMean() throws {
        // t: a with weight 3, b with weight 1 → profile ∝ (3, 1); cos(c) = 4/(√10·√2), cos(d) = −3/√10.
        let model = try ContentBased.fit(Self.watched([("t", "a", 3), ("t", "b", 1)]), embeddings: Self.embeddings)
        let list = model.recommend(for: "t", count: 2)
        #expect(list.items.map(\.item) == ["c", "d"])
        #expect(abs(list.items[0].score - 4 / (Float(10).squareRoot() * Float(2).squareRoot())) < 1e-6)
        #expect(abs(list.items[1].score + 3 / Float(10).squareRoot()) < 1e-6)
        // A disliked item (negative weight) pushes the profile away: −b = (0, −1) gives a 0, d 0, c −1/√2.
        let disliking = try ContentBased.fit(Self.watched([("t", "b", -1), ("x", "a", 1)]), embeddings: Self.embeddings)
        #expect(disliking.recommend(for: "t", count: 3).items.map(\.item) == ["a", "d", "c"])
    }

    @Test func similarItemsAreExactCosines() throws {
        let model = try ContentBased.fit(Self.watched([("t", "a", 1)]), embeddings: Self.embeddings)
        let similar = model.similarItems(to: "a", count: 5)
        #expect(similar.map(\.item) == ["c", "b", "d"])
        #expect(abs(similar[0].score - 1 / Float(2).squareRoot()) < 1e-6)
        #expect(model.similarItems(to: "unknown", count: 5).isEmpty)
    }

    @Test func aTrainingItemWithoutEmbeddingScoresZeroAndStaysInTheCatalogue() throws {
        let model = try ContentBased.fit(Self.watched([("t", "a", 1), ("t", "e", 1), ("x", "b", 1)]),
                                         embeddings: Self.embeddings)
        let list = model.recommend(for: "x", count: 10)
        #expect(Set(list.items.map(\.item)) == ["a", "c", "d", "e"])
        #expect(list.items.first { $0.item == "e" }?.score == 0)
        #expect(model.similarItems(to: "e", count: 3).isEmpty)
    }

    @Test func aProfileVectorRanksTheCatalogue() throws {
        let model = try ContentBased.fit(Self.watched([("t", "a", 1)]), embeddings: Self.embeddings)
        let list = model.recommend(forProfile: [0, 2], count: 2, excluding: ["b"])
        #expect(list.items.map(\.item) == ["c", "a"])
        #expect(!list.isFallback)
        #expect(model.recommend(forProfile: [0, 0], count: 4, excluding: []).items.allSatisfy { $0.score == 0 })
    }

    @Test func aNonFiniteValueIsAClearError() {
        #expect(throws: AlgorithmError.self) {
            try ContentBased.fit(Self.watched([("t", "a", .nan)]), embeddings: Self.embeddings)
        }
    }
}
