import Foundation
import Testing
import RecCore
import RecEvaluation

@Suite struct BeyondAccuracyMetricTests {
    /// Cut at k = 2 the lists show a, b / a, b / a, e.
    let lists: [[ItemID]] = [["a", "b", "c"], ["a", "b", "d"], ["a", "e"]]
    let catalogue: [Item] = [
        Item(id: "a", title: "A", genres: ["Comedy", "Drama"]),
        Item(id: "b", title: "B", genres: ["Drama"]),
        Item(id: "c", title: "C", genres: ["Horror"]),
        Item(id: "d", title: "D"),
    ]
    let popularity: [ItemID: Int] = ["a": 4, "b": 2, "c": 1]

    @Test func coverageCountsDistinctItemsInTheTopK() {
        // {a, b, e} of 6 catalogue items.
        #expect(itemCoverage(lists, k: 2, catalogueSize: 6) == 0.5)
        // {a, b, c, d, e} of 10.
        #expect(itemCoverage(lists, k: 3, catalogueSize: 10) == 0.5)
        #expect(itemCoverage([], k: 3, catalogueSize: 10) == 0)
    }

    @Test func giniCountsUnshownItemsAsZero() {
        // Counts a 3, b 2, e 1 and three unshown items: sorted 0 0 0 1 2 3, n = 6, Σc = 6.
        // Weights 2i − n − 1 = −5 −3 −1 1 3 5, so Σ = 1·1 + 3·2 + 5·3 = 22 and G = 22 / (6·6).
        #expect(abs(giniIndex(lists, k: 2, catalogueSize: 6) - 22.0 / 36) < 1e-12)
        // Equal exposure: counts 1 1, weights −1 1: G = 0.
        #expect(giniIndex([["a"], ["b"]], k: 1, catalogueSize: 2) == 0)
        // One item takes every slot of a 4-item catalogue: 0 0 0 2, G = 3·2 / (4·2) = (n − 1)/n.
        #expect(giniIndex([["a"], ["a"]], k: 1, catalogueSize: 4) == 0.75)
        #expect(giniIndex([[]], k: 1, catalogueSize: 4) == 0)
    }

    @Test func diversityIsTheMeanGenreDistanceOverKnownPairs() throws {
        let distance = GenreJaccardDistance(catalogue)
        // a–b share Drama of {Comedy, Drama}: 1 − 1/2; a–c and b–c share nothing: 1; pairs with d
        // (no genres) are unknown. Mean = (0.5 + 1 + 1) / 3.
        let all = try #require(intraListDiversity(["a", "b", "c", "d"], k: 4, distance: distance))
        #expect(abs(all - 2.5 / 3) < 1e-12)
        #expect(intraListDiversity(["a", "b", "c", "d"], k: 2, distance: distance) == 0.5)
        #expect(intraListDiversity(["a"], k: 10, distance: distance) == nil)
        #expect(intraListDiversity(["d", "a"], k: 10, distance: distance) == nil)
        #expect(distance.distance("a", "a") == 0)
    }

    @Test func noveltyIsMeanSelfInformation() {
        // 8 training users: −log2(4/8) = 1, −log2(2/8) = 2, −log2(1/8) = 3; mean 2.
        #expect(novelty(["a", "b", "c", "z"], k: 3, popularity: popularity, userCount: 8) == 2)
        // z was never trained on and counts as popularity 1: (1 + 2 + 3 + 3) / 4.
        #expect(novelty(["a", "b", "c", "z"], k: 4, popularity: popularity, userCount: 8) == 2.25)
        #expect(novelty([], k: 4, popularity: popularity, userCount: 8) == nil)
    }

    @Test func averagePopularityIsMeanTrainingUsers() {
        // (4 + 2 + 1) / 3, then (4 + 2 + 1 + 0) / 4 with the untrained z.
        #expect(averagePopularity(["a", "b", "c"], k: 10, popularity: popularity) == 7.0 / 3)
        #expect(averagePopularity(["a", "b", "c", "z"], k: 10, popularity: popularity) == 1.75)
        #expect(averagePopularity([], k: 10, popularity: popularity) == nil)
    }
}

@Suite struct PopularityExposureTests {
    @Test func theHeadIsTheTopFifthOfItemsWithInteractions() {
        // Ten items with interactions (and one without): ⌈0.2 × 10⌉ = 2 in the head; ties by id.
        var popularity: [ItemID: Int] = ["zero": 0]
        for (index, id) in ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"].enumerated() { popularity[ItemID(id)] = 10 - index }
        popularity["b"] = 10
        #expect(popularHead(popularity) == ["a", "b"])
        // Slots: a, b, c | a, zero → c and zero, 2 of 5, in the tail.
        #expect(longTailShare([["a", "b", "c"], ["a", "zero"]], k: 3, head: ["a", "b"]) == 0.4)
        #expect(longTailShare([[], []], k: 3, head: []) == 0)
    }
}
