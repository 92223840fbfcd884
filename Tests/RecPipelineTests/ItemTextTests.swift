import Testing
import RecCore
import RecImport
@testable import RecPipeline

@Suite struct ItemTextTests {
    static let toyStory = Item(id: "1", title: "Toy Story", year: 1995, genres: ["Adventure", "Animation"],
                               externalIDs: ExternalIDs(tmdb: 862))

    @Test func theRecipeOrdersTitleGenresTaglineOverviewKeywordsTags() {
        let tmdb = TMDBMovie(id: 862, title: "Toy Story", overview: " Toys come alive. ", tagline: "The toys are back.",
                             keywords: ["toy", "friendship"], genres: ["Animation", "Comedy"])
        let text = ItemText.text(for: Self.toyStory, tmdb: tmdb, tags: ["pixar", "fun", "Pixar", " ", "fun", "PIXAR"])
        #expect(text == "Toy Story (1995). Genres: Animation, Comedy. The toys are back. Toys come alive. "
                + "Keywords: toy, friendship. Tags: pixar, fun.")
    }

    @Test func withoutTMDBOrTagsItIsTitleYearAndGenres() {
        #expect(ItemText.text(for: Self.toyStory, tmdb: nil, tags: []) == "Toy Story (1995). Genres: Adventure, Animation.")
        #expect(ItemText.text(for: Item(id: "2", title: "Untitled"), tmdb: nil, tags: []) == "Untitled.")
    }

    @Test func textsJoinTMDBByIdAndTagsInTheOrderApplied() {
        let other = Item(id: "2", title: "Heat", year: 1995, genres: ["Crime"], externalIDs: ExternalIDs(tmdb: 949))
        let tags = [Tag(user: "a", item: "2", text: "heist", timestamp: 20), Tag(user: "b", item: "2", text: "pacino", timestamp: 10),
                    Tag(user: "c", item: "9", text: "elsewhere", timestamp: 5)]
        let texts = ItemText.texts(for: [Self.toyStory, other], tmdb: [TMDBMovie(id: 949, title: "Heat", tagline: "A Los Angeles crime saga")],
                                   tags: tags)
        #expect(texts.map(\.item) == ["1", "2"])
        #expect(texts[0].text == "Toy Story (1995). Genres: Adventure, Animation.")
        #expect(texts[1].text == "Heat (1995). Genres: Crime. A Los Angeles crime saga. Tags: pacino, heist.")
    }
}
