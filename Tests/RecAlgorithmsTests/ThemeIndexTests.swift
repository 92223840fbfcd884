import RecAlgorithms
import RecCore
import Testing

@Suite struct ThemeIndexTests {
    // A [1, 0] "X"; B [0, 1] "x", "Y"; C [0.6, 0.8] "Y" + keyword "solo"; D "X" without an embedding.
    static let items = [
        Item(id: "A", title: "A", genres: ["X"]),
        Item(id: "B", title: "B", genres: ["x", "Y"]),
        Item(id: "C", title: "C", genres: ["Y"], keywords: ["solo", "y"]),
        Item(id: "D", title: "D", genres: ["X"]),
    ]
    static let index = ThemeIndex(items: items, embeddings: ItemEmbeddings(items: ["A", "B", "C"], vectors: [1, 0, 0, 1, 0.6, 0.8],
                                                                           dimension: 2))

    @Test func themesAreGenresThenKeywordsWithoutCaseInsensitiveRepeats() {
        #expect(ThemeIndex.themes(of: Self.items[2]) == ["Y", "solo"])
    }

    /// By hand: X = unit(A + B) = (0.7071, 0.7071); Y = unit(B + C) = (0.6, 1.8)/1.8974 = (0.3162, 0.9487);
    /// "solo" has one item, so no vector; D has no embedding and adds nothing.
    @Test func cosinesAreTheThemeMeansAgainstTheInterest() throws {
        let along = Self.index.closest(of: Self.items[1], to: [2, 0], count: 3)
        #expect(along.map(\.theme) == ["x", "Y"], "spelled as the item spells them")
        #expect(abs(along[0].cosine - 0.7071) < 1e-4 && abs(along[1].cosine - 0.3162) < 1e-4)
        let up = Self.index.closest(of: Self.items[1], to: [0, 1], count: 3)
        #expect(up.map(\.theme) == ["Y", "x"] && abs(up[0].cosine - 0.9487) < 1e-4)
        #expect(Self.index.closest(of: Self.items[2], to: [2, 0], count: 3).map(\.theme) == ["Y"], "a one-item theme is left out")
        #expect(Self.index.closest(of: Self.items[1], to: [0, 1], count: 1).map(\.theme) == ["Y"])
    }

    @Test func negativeZeroOrMismatchedInterestsMatchNothing() {
        #expect(Self.index.closest(of: Self.items[1], to: [-1, 0], count: 3).isEmpty, "only positive cosines")
        #expect(Self.index.closest(of: Self.items[1], to: [0, 0], count: 3).isEmpty)
        #expect(Self.index.closest(of: Self.items[1], to: [1, 0, 0], count: 3).isEmpty)
    }
}
