import Foundation
import RecAlgorithms
import RecCore
import RecEvaluation
import RecImport
import RecText

/// What `marquee evaluate --task content` should measure.
public struct ContentEvaluationRequest: Sendable {
    /// Data set folder with ratings, movies, `links.csv` and `tags.csv`, e.g. `"ml-latest-small"`.
    public var dataset: String
    /// The TMDB movies file, relative to the data location.
    public var tmdbFile: String
    /// How to split positives into train and test.
    public var splitProtocol: TopNProtocol
    /// List length for the metrics.
    public var k: Int
    /// Decay of the content-based profile's weights (rating sentiment × decay) and of the first interest row.
    public var profile: InterestConfiguration
    /// More half-lives (seconds) to compare interest vectors at; a row without decay is always added.
    public var otherHalfLives: [Double]
    /// Weight of the content-based list in the blend with ALS (see ``RecAlgorithms/LinearBlend``).
    public var blendWeight: Float
    /// Where the data sets live.
    public var data: DataLocation
    /// Where the sentence encoder lives.
    public var models: ModelLocation
    /// A file of ``StoredItemEmbeddings`` (JSON) to reuse vectors from and to write back; `nil` to embed every
    /// item. Only texts whose fingerprint changed are embedded again, so repeated runs take seconds.
    public var embeddingCache: URL?

    /// Creates a request; the defaults are the README's measurement.
    public init(dataset: String = "ml-latest-small", tmdbFile: String = "tmdb-5000-movies/tmdb_5000_movies.csv",
                splitProtocol: TopNProtocol = .p1Temporal, k: Int = 10,
                profile: InterestConfiguration = InterestConfiguration(), otherHalfLives: [Double] = [30 * 86_400],
                blendWeight: Float = 0.3, data: DataLocation = DataLocation(), models: ModelLocation = ModelLocation(),
                embeddingCache: URL? = nil) {
        self.dataset = dataset
        self.tmdbFile = tmdbFile
        self.splitProtocol = splitProtocol
        self.k = k
        self.profile = profile
        self.otherHalfLives = otherHalfLives
        self.blendWeight = blendWeight
        self.data = data
        self.models = models
        self.embeddingCache = embeddingCache
    }
}

/// `marquee evaluate --task content`: text embeddings as item features, measured three ways on one data set.
///
/// 1. **Top-N** on the protocol's split: content-based (profile = rating-sentiment × recency weighted mean of the
///    user's training positives' embeddings), implicit ALS (defaults), popularity, and ``RecAlgorithms/LinearBlend``
///    of content-based and ALS; NDCG@k, coverage@k and recall@k of *cold* test items (no training interactions).
/// 2. **Interest vectors**: per test user, an ``RecAlgorithms/InterestVector`` over all their ratings (any value,
///    sentiment-weighted) before their first held-out positive, ranked by cosine, seen items excluded; NDCG@k on the
///    held-out (next) items, at each half-life and without decay, against ALS.
/// 3. **Mood cold start**: every second user who wrote tags (ascending id: the 2nd, 4th, …) is held out; their
///    distinct tags, in the order written, joined by commas, are the text; the catalogue is ranked by cosine to
///    it; relevant are all movies they rated. Baseline: the movies most rated by the other users. HR@k, NDCG@k.
///
/// Item texts follow ``ItemText`` without the held-out users' tags and without tags a user put on one of their
/// own held-out items, so no text carries test information. Every item is embedded once per run, unless an
/// embedding cache holds its text's vector.
public enum ContentEvaluating {
    /// Runs the three measurements.
    /// - Throws: ``PipelineError`` for a missing data set; `ImportError` for a missing or bad TMDB file;
    ///   `TextError` for a missing model; evaluation and algorithm errors.
    /// - Complexity: embedding every item not in the cache (about 235 CPU-seconds for ml-latest-small's 9,742 texts,
    ///   two minutes on two idle cores) plus fitting ALS.
    public static func evaluate(_ request: ContentEvaluationRequest, progress: ProgressHandler? = nil) async throws -> ContentEvaluationReport {
        guard request.k >= 1 else { throw PipelineError(.invalidArgument, "k is \(request.k); expected 1 or more") }
        let encoder = try request.models.sentenceEncoder()
        let result = try request.data.read(request.dataset, progress: progress)
        let tmdb = try TMDBMovie.read(request.data.directory.appendingPathComponent(request.tmdbFile))
        let positive = PositiveFeedback(minimumRating: result.scale.maximum * 0.8)
        let split = request.splitProtocol.split(result.interactions, positive: positive)
        guard !split.test.isEmpty, !split.train.isEmpty else {
            throw PipelineError(.invalidArgument, "\(request.dataset): the \(split.name) split has no test users")
        }
        let taggers = Set(result.tags.map(\.user)).sorted()
        let moodUsers = Set(taggers.indices.filter { $0 % 2 == 1 }.map { taggers[$0] })
        let textTags = result.tags.filter { !moodUsers.contains($0.user) && !(split.test[$0.user]?.contains($0.item) ?? false) }
        let texts = ItemText.texts(for: ItemText.described(result.items, tmdb: tmdb), tags: textTags)

        var cached = StoredItemEmbeddings(encoder: encoder.name, dimension: encoder.dimension)
        if let cache = request.embeddingCache, FileManager.default.fileExists(atPath: cache.path) {
            do {
                cached = try JSONDecoder().decode(StoredItemEmbeddings.self, from: Data(contentsOf: cache))
            } catch {
                throw PipelineError(.invalidArgument, "\(cache.path) is not an embedding cache; delete it", underlying: error)
            }
        }
        let clock = ContinuousClock()
        let start = clock.now
        let (stored, embedded) = try await cached.updated(with: texts, encoder: encoder)
        let embedSeconds = (clock.now - start).seconds
        if let cache = request.embeddingCache { try JSONEncoder().encode(stored).write(to: cache) }
        let embeddings = stored.embeddings

        let setting = Setting(result: result, split: split, embeddings: embeddings, k: request.k)
        let models = try await setting.topN(profile: request.profile, blendWeight: request.blendWeight)
        let halfLives = [request.profile.halfLife] + request.otherHalfLives.map { Optional($0) } + [nil]
        var interest: [ContentEvaluationReport.ModelRow] = []
        var seen = Set<Double?>()
        for halfLife in halfLives where seen.insert(halfLife).inserted {
            interest.append(try setting.interest(InterestConfiguration(halfLife: halfLife), content: models.content))
        }
        interest += models.rows.filter { $0.name.hasPrefix("content") || $0.name.hasPrefix("als") }
        let mood = try await setting.mood(users: moodUsers, tags: result.tags, encoder: encoder)
        let tmdbIDs = Set(tmdb.map(\.id))
        return ContentEvaluationReport(
            dataset: request.dataset, protocolName: split.name, k: request.k, items: texts.count, embedded: embedded,
            itemsWithTMDB: result.items.count { $0.externalIDs.tmdb.map(tmdbIDs.contains) ?? false },
            embedSeconds: embedSeconds, testUsers: split.test.count, coldUsers: setting.coldTest.count,
            models: models.rows, interest: interest, moodUsers: mood.users, mood: mood.rows)
    }
}
