import Foundation
import Testing
import RecCore
import RecRanking

@Suite struct ListRerankingTests {
    static func scored(_ pairs: [(ItemID, Float)]) -> [ScoredItem] { pairs.map { ScoredItem(item: $0.0, score: $0.1) } }

    @Test func dialsAtZeroKeepTheModelsOrder() {
        let candidates = Self.scored([("x", 3), ("y", 2), ("z", 1)])
        let catalogue = RerankingCatalogue(items: [], popularity: ["x": 100, "y": 1])
        #expect(ListReranking.rerank(candidates, count: 2, dials: .none, history: [:], catalogue: catalogue) == Array(candidates.prefix(2)))
    }

    @Test func inversePropensityLiftsRareItemsByTheExponent() {
        // Scaled scores x 1, y ½, z 0; popularity 100, 1, 50 of at most 100. β = ½: y's ½ × √100 = 5 beats x's 1.
        // β = 0.1: y's ½ × 100^0.1 = 0.79 stays below x.
        let candidates = Self.scored([("x", 1), ("y", 0.5), ("z", 0)])
        let catalogue = RerankingCatalogue(items: [], popularity: ["x": 100, "y": 1, "z": 50])
        func order(_ beta: Double) -> [ItemID] {
            ListReranking.rerank(candidates, count: 3, dials: RerankingDials(popularity: beta), history: [:], catalogue: catalogue).map(\.item)
        }
        #expect(order(0.5) == ["y", "x", "z"])
        #expect(order(0.1) == ["x", "y", "z"])
        #expect(catalogue.inversePropensity(of: "unseen", exponent: 0.5) == 10, "an unseen item counts as popularity 1")
    }

    @Test func fullDiversityPicksOneFilmOfEachGenre() {
        let items = [Item(id: "c1", title: "", genres: ["Comedy"]), Item(id: "c2", title: "", genres: ["Comedy"]),
                     Item(id: "d1", title: "", genres: ["Drama"]), Item(id: "h1", title: "", genres: ["Horror"])]
        let candidates = Self.scored([("c1", 4), ("c2", 3), ("d1", 2), ("h1", 1)])
        let catalogue = RerankingCatalogue(items: items, popularity: [:])
        let list = ListReranking.rerank(candidates, count: 3, dials: RerankingDials(diversity: 1), history: [:], catalogue: catalogue)
        #expect(list.map(\.item) == ["c1", "d1", "h1"])
    }

    @Test func embeddingSimilarityTreatsNearDuplicatesAsAlike() {
        // a and b have different genres but the same vector; c is orthogonal to both.
        let items = [Item(id: "a", title: "", genres: ["Drama"]), Item(id: "b", title: "", genres: ["Comedy"]),
                     Item(id: "c", title: "", genres: ["Drama"])]
        let embeddings = ItemEmbeddings(items: ["a", "b", "c"], vectors: [1, 0, 1, 0, 0, 1], dimension: 2)
        let catalogue = RerankingCatalogue(items: items, popularity: [:], embeddings: embeddings)
        let candidates = Self.scored([("a", 3), ("b", 2), ("c", 1)])
        func list(_ similarity: RerankingDials.ItemSimilarity) -> [ItemID] {
            ListReranking.rerank(candidates, count: 2, dials: RerankingDials(diversity: 0.8, similarity: similarity),
                                 history: [:], catalogue: catalogue).map(\.item)
        }
        #expect(list(.genres) == ["a", "b"], "by genre, b is unlike a")
        #expect(list(.embeddings) == ["a", "c"], "by text, b duplicates a")
    }

    @Test func calibrationFollowsTheHistorysGenreMix() {
        // History ¾ Drama, ¼ Comedy; candidates d1 > d2 > d3 > d4 > c1, scaled 1, ¾, ½, ¼, 0; c = ½.
        // Pick 1: d1 gives ½·1 − ½·KL(q = Drama) = 0.5 − 0.4687; c1 gives 0 − ½·3.1092 → d1.
        // Pick 2: d2 gives 0.375 − ½·0.9374 = −0.094; c1 (q = ½, ½, KL 0.1283) gives −0.064 → c1.
        // Picks 3 and 4: d2, then d3 (the drama candidates now share the same KL; scores decide).
        let items = ["d1", "d2", "d3", "d4", "h1", "h2", "h3"].map { Item(id: ItemID($0), title: "", genres: ["Drama"]) }
            + ["c1", "hc"].map { Item(id: ItemID($0), title: "", genres: ["Comedy"]) }
        let catalogue = RerankingCatalogue(items: items, popularity: [:])
        let history: [ItemID: Float] = ["h1": 1, "h2": 1, "h3": 1, "hc": 1]
        let candidates = Self.scored([("d1", 1), ("d2", 0.9), ("d3", 0.8), ("d4", 0.7), ("c1", 0.6)])
        let list = ListReranking.rerank(candidates, count: 4, dials: RerankingDials(calibration: 0.5), history: history, catalogue: catalogue)
        #expect(list.map(\.item) == ["d1", "c1", "d2", "d3"])
        let target = catalogue.genres.mix(of: history)
        let before = catalogue.genres.mix(of: candidates.prefix(4).map(\.item)).divergence(from: target)
        let after = catalogue.genres.mix(of: list.map(\.item)).divergence(from: target)
        #expect(abs(before - 0.93739) < 1e-4 && abs(after) < 1e-12, "KL 0.937 → 0: the list is ¾ drama, ¼ comedy")
    }
}
