import Testing
@testable import RecCore

@Suite struct ItemEmbeddingsTests {
    @Test func rowsAreScaledToUnitLengthAndRankedByCosine() {
        let embeddings = ItemEmbeddings(items: ["a", "b", "c"], vectors: [3, 4, 0, 2, 0, 0], dimension: 2)
        #expect(embeddings.vectors == [0.6, 0.8, 0, 1, 0, 0])
        #expect(embeddings.mean == [0, 0])
        let ranked = embeddings.nearest(to: [0, 5], count: 3, excluding: [])
        #expect(ranked.map(\.item) == ["b", "a", "c"])
        #expect(ranked.map(\.score) == [1, 0.8, 0], "a zero row scores 0")
        #expect(embeddings.nearest(to: [0, 5], count: 3, excluding: ["b"]).map(\.item) == ["a", "c"])
    }

    @Test func centeringSubtractsTheMeanBeforeScaling() throws {
        // Rows (1, 0) and (0, 1), mean (½, ½): centred rows (½, −½) and (−½, ½), scaled to ±(√½, −√½).
        let embeddings = ItemEmbeddings(items: ["a", "b"], vectors: [1, 0, 0, 1], dimension: 2, centering: true)
        #expect(embeddings.mean == [0.5, 0.5])
        let a = Array(try #require(embeddings.vector(of: "a")))
        #expect(abs(a[0] - Float(0.5).squareRoot()) < 1e-6 && abs(a[1] + Float(0.5).squareRoot()) < 1e-6)
        // A raw (1, 0.2) is centred to (½, −0.3): closer to a than to b.
        let query = embeddings.centered([1, 0.2])
        #expect(abs(query[0] - 0.5) < 1e-6 && abs(query[1] + 0.3) < 1e-6)
        #expect(embeddings.nearest(to: query, count: 2).map(\.item) == ["a", "b"])
    }

    @Test func zeroRowsCanBeAppendedKeepingTheMean() {
        let embeddings = ItemEmbeddings(items: ["a", "b"], vectors: [1, 0, 0, 1], dimension: 2, centering: true)
        let extended = embeddings.appendingZeroRows(for: ["c"])
        #expect(extended.items.ids == ["a", "b", "c"])
        #expect(extended.mean == embeddings.mean)
        #expect(extended.vectors == embeddings.vectors + [0, 0])
    }
}
