import ArgumentParser
import Foundation
import RecPipeline

/// `marquee embed`: text embeddings of every catalogue item, kept in the store for `recommend --text`.
struct Embed: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Embed every movie's description (title, genres, TMDB text, tags) with MiniLM into the store.",
        discussion: """
            Only movies whose text changed since the last run are embedded again.
            Example: marquee embed --tmdb ../shared/data/tmdb-5000-movies/tmdb_5000_movies.csv
            """)

    @OptionGroup var store: StoreOptions

    @Option(help: "TMDB 5000 movies CSV whose overviews, taglines and keywords join the catalogue (kept on the items, by TMDB id) and the texts.")
    var tmdb: String?

    @Option(help: "Folder holding all-MiniLM-L6-v2/ (default: $MARQUEE_MODELS, else ./models).")
    var models: String?

    func run() async throws {
        let encoder = try ModelLocation(explicit: models).sentenceEncoder()
        let summary = try await store.location().withStore { database in
            try await CatalogueEmbedding.embed(store: database, encoder: encoder, tmdb: tmdb.map { URL(fileURLWithPath: $0) })
        }
        print(summary.text)
    }
}
