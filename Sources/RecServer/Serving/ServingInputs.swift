import RecCore
import RecPipeline
import RecStore

/// What user profiles are built from besides the events: the store's rating scale and the catalogue's
/// embeddings (from `marquee embed`). Read at start and again after each training.
struct ServingInputs: Sendable {
    /// The rating scale of the imported data, or `nil` before any import.
    var scale: RatingScale?
    /// The catalogue's embeddings, centred, or `nil` when the catalogue was never embedded.
    var embeddings: ItemEmbeddings?

    /// Inputs with the given scale and embeddings (none by default).
    init(scale: RatingScale? = nil, embeddings: ItemEmbeddings? = nil) {
        self.scale = scale
        self.embeddings = embeddings
    }

    /// The inputs as `store` holds them now.
    /// - Throws: store errors; ``PipelineError`` for an unreadable scale or embeddings.
    /// - Complexity: decoding the stored embeddings, O(items × dimension).
    static func load(from store: any Store) async throws -> ServingInputs {
        ServingInputs(scale: try await store.recordedRatingScale(),
                      embeddings: try await CatalogueEmbedding.latest(in: store)?.embeddings.embeddings)
    }
}
