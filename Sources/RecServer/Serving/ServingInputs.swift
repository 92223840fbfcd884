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
    /// The encoder that made ``embeddings`` (``RecText/MiniLMEncoder/name``), e.g. `"all-MiniLM-L6-v2 max 256"`.
    var encoder: String?
    /// The stored embeddings' name and version, e.g. `"item-embeddings v2"`.
    var embeddingsName: String?

    /// Inputs with the given scale and embeddings (none by default).
    init(scale: RatingScale? = nil, embeddings: ItemEmbeddings? = nil, encoder: String? = nil, embeddingsName: String? = nil) {
        self.scale = scale
        self.embeddings = embeddings
        self.encoder = encoder
        self.embeddingsName = embeddingsName
    }

    /// The inputs as `store` holds them now.
    /// - Throws: store errors; ``PipelineError`` for an unreadable scale or embeddings.
    /// - Complexity: decoding the stored embeddings, O(items × dimension).
    static func load(from store: any Store) async throws -> ServingInputs {
        let latest = try await CatalogueEmbedding.latest(in: store)
        return ServingInputs(scale: try await store.recordedRatingScale(), embeddings: latest?.embeddings.embeddings,
                             encoder: latest?.embeddings.encoder,
                             embeddingsName: latest.map { "\(StoredItemEmbeddings.name) v\($0.version)" })
    }
}
