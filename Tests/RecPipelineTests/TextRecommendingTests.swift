import Foundation
import Testing
import RecCore
import RecStore
import RecStoreSQLite
import RecTestSupport
@testable import RecImport
import RecText
@testable import RecPipeline

@Suite(.enabled(if: TestData.isModelAvailable("all-MiniLM-L6-v2/model.safetensors"),
                TestData.modelSkipMessage("all-MiniLM-L6-v2/model.safetensors")))
struct TextRecommendingTests {
    static let movies = [
        Item(id: "1", title: "Airplane!", year: 1980, genres: ["Comedy"]),
        Item(id: "2", title: "Saw", year: 2004, genres: ["Horror", "Thriller"]),
        Item(id: "3", title: "Schindler's List", year: 1993, genres: ["Drama", "War"]),
        Item(id: "4", title: "The Hangover", year: 2009, genres: ["Comedy"]),
    ]

    /// A store with the four movies, embedded.
    static func embeddedStore() async throws -> (SQLiteStore, MiniLMEncoder) {
        let store = try SQLiteStore.inMemory()
        _ = try await store.write(StoreBatch(items: movies))
        let encoder = try ModelLocation(explicit: TestData.modelDirectory.path).sentenceEncoder()
        _ = try await CatalogueEmbedding.embed(store: store, encoder: encoder, tmdb: nil)
        return (store, encoder)
    }

    @Test func onlyItemsWhoseTextChangedAreEmbeddedAgain() async throws {
        let (store, encoder) = try await Self.embeddedStore()
        let again = try await CatalogueEmbedding.embed(store: store, encoder: encoder, tmdb: nil)
        #expect(again.embedded == 0 && again.items == 4 && again.version == 2)
        _ = try await store.write(StoreBatch(tags: [Tag(user: "u", item: "3", text: "masterpiece", timestamp: 1)]))
        let tagged = try await CatalogueEmbedding.embed(store: store, encoder: encoder, tmdb: nil)
        #expect(tagged.embedded == 1)
        let stored = try #require(try await CatalogueEmbedding.latest(in: store)).embeddings
        let fresh = try await encoder.embed(["Schindler's List (1993). Genres: Drama, War. Tags: masterpiece."])[0]
        let row = try #require(stored.items.firstIndex(of: "3"))
        let kept = Array(stored.vectors[row * stored.dimension..<(row + 1) * stored.dimension])
        #expect(zip(kept, fresh).map { $0 * $1 }.reduce(0, +) > 0.99999, "the stored vector is the new text's")
    }

    @Test func tmdbTextIsKeptOnTheStoredItemsAndLaterRunsReuseIt() async throws {
        let store = try SQLiteStore.inMemory()
        var saw = Self.movies[1]
        saw.externalIDs.tmdb = 176
        _ = try await store.write(StoreBatch(items: [Self.movies[0], saw]))
        let tmdb = FileManager.default.temporaryDirectory.appendingPathComponent("marquee-tmdb-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: tmdb) }
        try Data("""
            \(TMDBMovie.header.joined(separator: ","))
            1,[],,176,"[{""id"": 1, ""name"": ""trap""}]",en,Saw,Two men wake up chained in a room.,1.0,[],[],2004-10-01,1,103,[],Released,Oh yes. There will be blood.,Saw,7.0,100

            """.utf8).write(to: tmdb)
        let encoder = try ModelLocation(explicit: TestData.modelDirectory.path).sentenceEncoder()
        let first = try await CatalogueEmbedding.embed(store: store, encoder: encoder, tmdb: tmdb)
        #expect(first.embedded == 2)
        let stored = try #require(try await store.items(["2"]).first)
        #expect(stored.overview == "Two men wake up chained in a room." && stored.tagline == "Oh yes. There will be blood."
                && stored.keywords == ["trap"] && stored.genres == saw.genres)
        let again = try await CatalogueEmbedding.embed(store: store, encoder: encoder, tmdb: nil)
        #expect(again.embedded == 0, "without --tmdb the stored text gives the same texts")
    }

    @Test func theDemoEmbedsTheCatalogueOnceAndSaysWhenTheModelIsMissing() async throws {
        let store = try SQLiteStore.inMemory()
        _ = try await store.write(StoreBatch(items: Self.movies))
        let models = ModelLocation(explicit: TestData.modelDirectory.path)
        let first = try #require(try await Demonstration.embedCatalogue(store: store, models: models))
        #expect(first.embedded == 4 && first.version == 1)
        let second = try #require(try await Demonstration.embedCatalogue(store: store, models: models))
        #expect(second.embedded == 0 && second.version == 1, "a covered catalogue is not embedded or stored again")
        let nowhere = ModelLocation(explicit: FileManager.default.temporaryDirectory.appendingPathComponent("no-models-here").path)
        #expect(try await Demonstration.embedCatalogue(store: store, models: nowhere) == nil)
    }

    @Test func aMoodRanksTheComediesFirst() async throws {
        let (store, encoder) = try await Self.embeddedStore()
        let list = try await TextRecommending.recommend(text: "something funny and light after a long week", count: 4,
                                                        store: store, encoder: encoder)
        #expect(list.items.count == 4 && !list.isTruncated)
        #expect(Set(list.items.prefix(2).map(\.id)) == ["1", "4"], "\(list.text)")
        #expect(list.cosines == list.cosines.sorted(by: >))
    }

    @Test(arguments: ["", "  \n\t ", String(decoding: [0xFF, 0xFE, 0xC0] as [UInt8], as: UTF8.self), "😀🍿👍🏽 🎬"])
    func textWithNothingToReadIsAClearError(text: String) async throws {
        let (store, encoder) = try await Self.embeddedStore()
        let error = try await #require(throws: PipelineError.self) {
            try await TextRecommending.recommend(text: text, count: 3, store: store, encoder: encoder)
        }
        #expect(error.code == .invalidArgument)
        #expect(error.message.contains("describe what you would like to watch"), "\(error.message)")
    }

    @Test func oddButReadableTextsGetAnAnswer() async throws {
        let (store, encoder) = try await Self.embeddedStore()
        let texts = [String(decoding: Array("funny ".utf8) + [0xFF, 0xC3, 0x28], as: UTF8.self),
                     "Hauska ja kevyt elokuva pitkän viikon jälkeen", "🎬 comedy 😀"]
        for text in texts {
            let list = try await TextRecommending.recommend(text: text, count: 3, store: store, encoder: encoder)
            #expect(list.items.count == 3 && !list.isTruncated, "text: \(text)")
        }
        let megabyte = String(repeating: "a funny film for a long week ", count: 36_200)
        #expect(megabyte.utf8.count >= 1 << 20)
        let long = try await TextRecommending.recommend(text: megabyte, count: 3, store: store, encoder: encoder)
        #expect(long.isTruncated && long.pieces == 254 && long.items.count == 3)
        #expect(long.text.contains("only its first 254 word pieces were used"))
    }

    @Test func withoutEmbeddingsTheErrorSaysToEmbed() async throws {
        let store = try SQLiteStore.inMemory()
        _ = try await store.write(StoreBatch(items: Self.movies))
        let encoder = try ModelLocation(explicit: TestData.modelDirectory.path).sentenceEncoder()
        let error = try await #require(throws: PipelineError.self) {
            try await TextRecommending.recommend(text: "funny", count: 3, store: store, encoder: encoder)
        }
        #expect(error.code == .noModel && error.message.contains("marquee embed"))
    }
}
