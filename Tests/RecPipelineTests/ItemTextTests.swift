import Testing
import RecCore
import RecImport
@testable import RecPipeline

@Suite struct ItemTextTests {
    static let toyStory = Item(id: "1", title: "Toy Story", year: 1995, genres: ["Adventure", "Animation"],
                               externalIDs: ExternalIDs(tmdb: 862))

    @Test func theRecipeOrdersTitleGenresTaglineOverviewKeywordsTags() {
        var described = Self.toyStory
        (described.tagline, described.overview, described.keywords) = ("The toys are back.", " Toys come alive ", ["toy", "friendship"])
        let text = ItemText.text(for: described, tags: ["pixar", "fun", "Pixar", " ", "fun", "PIXAR"])
        #expect(text == "Toy Story (1995). Genres: Adventure, Animation. The toys are back. Toys come alive. "
                + "Keywords: toy, friendship. Tags: pixar, fun.")
    }

    @Test func withoutDescriptionOrTagsItIsTitleYearAndGenres() {
        #expect(ItemText.text(for: Self.toyStory, tags: []) == "Toy Story (1995). Genres: Adventure, Animation.")
        #expect(ItemText.text(for: Item(id: "2", title: "Untitled"), tags: []) == "Untitled.")
    }

    @Test func tmdbDescribesItemsByIdAndKeepsTheCataloguesFacts() {
        let heat = Item(id: "2", title: "Heat", year: 1995, genres: ["Crime"], externalIDs: ExternalIDs(tmdb: 949),
                        overview: "Our own overview.")
        let tmdb = [TMDBMovie(id: 949, title: "HEAT", overview: "", tagline: " A Los Angeles crime saga ",
                              keywords: ["heist"], genres: ["Action"]),
                    TMDBMovie(id: 5, title: "Four Rooms", overview: "Elsewhere.")]
        let described = ItemText.described([Self.toyStory, heat], tmdb: tmdb)
        #expect(described[0] == Self.toyStory, "not in TMDB: unchanged")
        var expected = heat
        (expected.tagline, expected.keywords) = ("A Los Angeles crime saga", ["heist"])
        #expect(described[1] == expected, "TMDB's empty overview keeps the item's; title and genres stay the catalogue's")
    }

    @Test func textsJoinTagsInTheOrderApplied() {
        let heat = Item(id: "2", title: "Heat", year: 1995, genres: ["Crime"], tagline: "A Los Angeles crime saga")
        let tags = [Tag(user: "a", item: "2", text: "heist", timestamp: 20), Tag(user: "b", item: "2", text: "pacino", timestamp: 10),
                    Tag(user: "c", item: "9", text: "elsewhere", timestamp: 5)]
        let texts = ItemText.texts(for: [Self.toyStory, heat], tags: tags)
        #expect(texts.map(\.item) == ["1", "2"])
        #expect(texts[0].text == "Toy Story (1995). Genres: Adventure, Animation.")
        #expect(texts[1].text == "Heat (1995). Genres: Crime. A Los Angeles crime saga. Tags: pacino, heist.")
    }
}
