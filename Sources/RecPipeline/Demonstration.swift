import Foundation
import RecCore
import RecImport
import RecStore
import RecText

/// What `marquee demo` did and found.
public struct DemonstrationReport: Sendable {
    /// The import, when this run imported the bundled data (`nil` if the database already had it).
    public var imported: ImportSummary?
    /// The training, when this run trained (`nil` if a model was already stored).
    public var training: TrainingSummary?
    /// The top-N training for the server, when this run trained one (`nil` if one was already stored).
    public var topNTraining: TopNTrainingSummary?
    /// The sample user's highest-rated movies, best first.
    public var favourites: [(item: Item, rating: Float)]
    /// The sample user's recommendations.
    public var recommendations: RecommendationList

    /// The report for people: what was imported and trained, the user's favourites, their top 10.
    public var text: String {
        var lines: [String] = []
        if let imported { lines.append(imported.text) }
        if let training {
            lines.append("trained \(training.algorithm.rawValue) v\(training.version) on \(training.ratingCount) ratings in \(TextTable.seconds(training.fitSeconds))")
        }
        if let training = topNTraining {
            lines.append("trained \(training.algorithm.storedName) v\(training.version) on \(training.positiveCount) positives in \(TextTable.seconds(training.fitSeconds))")
        }
        lines.append("user \(recommendations.user) rated highest:")
        lines += favourites.map { "  \(TextTable.fixed(Double($0.rating), digits: 0))/10  \($0.item.title)" + ($0.item.year.map { " (\($0))" } ?? "") }
        lines.append(recommendations.text)
        return lines.joined(separator: "\n")
    }
}

/// `marquee demo`: the bundled MovieTweetings sample, imported once, trained once, recommended from.
public enum Demonstration {
    /// The folder of bundled demo data (MovieTweetings 100K ratings and movies, MIT; no users file).
    /// - Throws: ``PipelineError`` if the resource bundle is missing from the installation.
    public static func bundledData() throws -> URL {
        guard let url = Bundle.module.url(forResource: "DemoData", withExtension: nil) else {
            throw PipelineError(.dataNotFound, "the bundled demo data is missing from this build; rebuild with `swift build`")
        }
        return url
    }

    /// Imports the bundled data if the store has no interactions, trains biased MF (for `recommend`) and
    /// top-N ALS (for the server) unless they are stored, and recommends 10 movies for the user with the most ratings.
    /// - Throws: import, training and store errors.
    public static func run(store: any Store, progress: ProgressHandler? = nil) async throws -> DemonstrationReport {
        var imported: ImportSummary?
        if try await store.counts().interactions == 0 {
            imported = try await Importing.run(try bundledData(), format: .movieTweetings, store: store, progress: progress)
        }
        var training: TrainingSummary?
        if try await store.metadata(for: StoreKeys.activeModel) == nil {
            training = try await Training.train(.biasedMF, store: store, progress: progress)
        }
        var topNTraining: TopNTrainingSummary?
        if try await TopNTraining.latestModel(in: store) == nil {
            topNTraining = try await TopNTraining.train(.als, store: store, progress: progress)
        }
        let user = try await mostActiveUser(in: store)
        let history = try await store.interactions(of: user).filter { $0.value != nil }
            .sorted { ($0.value ?? 0, $1.item) > ($1.value ?? 0, $0.item) }.prefix(5)
        let details = Dictionary(uniqueKeysWithValues: try await store.items(history.map(\.item)).map { ($0.id, $0) })
        let favourites = history.compactMap { rated in details[rated.item].map { (item: $0, rating: rated.value ?? 0) } }
        let recommendations = try await Recommending.recommend(for: user, count: 10, store: store)
        return DemonstrationReport(imported: imported, training: training, topNTraining: topNTraining, favourites: favourites,
                                   recommendations: recommendations)
    }

    /// Embeds the catalogue with the MiniLM model in `models`, for the web page's mood box, unless the newest stored
    /// embeddings already cover every item with that model.
    /// - Returns: what was embedded; `nil` when the model is not installed (`scripts/setup` installs it), which leaves
    ///   mood recommendations off.
    /// - Throws: ``RecText/TextError`` `.invalidModel` for a corrupt model; store errors.
    /// - Complexity: one encoder pass over the catalogue's texts the first time (about 10,500 titles for the demo).
    public static func embedCatalogue(store: any Store, models: ModelLocation) async throws -> CatalogueEmbeddingSummary? {
        let encoder: MiniLMEncoder
        do {
            encoder = try models.sentenceEncoder()
        } catch let error as TextError where error.code == .missingModel {
            return nil
        }
        let items = try await store.counts().items
        if let (stored, version) = try await CatalogueEmbedding.latest(in: store), stored.encoder == encoder.name,
           stored.items.count == items {
            return CatalogueEmbeddingSummary(items: items, embedded: 0, version: version, seconds: 0)
        }
        return try await CatalogueEmbedding.embed(store: store, encoder: encoder, tmdb: nil)
    }

    /// The user with the most interactions (ties: smallest id), a user with enough history to show.
    private static func mostActiveUser(in store: any Store) async throws -> UserID {
        let counts = Dictionary(grouping: try await store.interactions(), by: \.user).mapValues(\.count)
        guard let best = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }) else {
            throw PipelineError(.noModel, "the store has no interactions to recommend from")
        }
        return best.key
    }
}
