import Foundation
import RecCore
import RecImport
import RecStore
import RecText

/// What `marquee embed` did.
public struct CatalogueEmbeddingSummary: Sendable, Hashable {
    /// Catalogue items with a vector now.
    public var items: Int
    /// Items whose text was new or changed, so they were embedded this time.
    public var embedded: Int
    /// The stored embeddings' version.
    public var version: Int
    /// Wall-clock seconds spent embedding.
    public var seconds: Double
}

/// `marquee embed`: embeds every catalogue item's text (``ItemText``) with MiniLM and keeps the vectors in the
/// store as the stored model ``StoredItemEmbeddings/name``, re-embedding only items whose text changed since the
/// last run.
public enum CatalogueEmbedding {
    /// Builds the texts from the store's items and tags, embeds the changed ones and saves the set as the next
    /// version. With `tmdb`, TMDB's taglines, overviews and keywords are first joined into the stored items
    /// (``ItemText/described(_:tmdb:)``), where pitches and explanations read them and later runs find them.
    /// - Parameters:
    ///   - store: the catalogue and tags; receives the embeddings.
    ///   - encoder: the sentence encoder.
    ///   - tmdb: `tmdb_5000_movies.csv`, joined on the items' TMDB ids; `nil` for none.
    /// - Throws: ``PipelineError`` `.dataNotFound` for an empty catalogue; import errors for the TMDB file; store errors.
    /// - Complexity: O(catalogue × dimension) plus the encoder's cost for the changed texts.
    public static func embed(store: any Store, encoder: MiniLMEncoder, tmdb: URL?) async throws -> CatalogueEmbeddingSummary {
        let catalogue = try await store.allItems()
        guard !catalogue.isEmpty else {
            throw PipelineError(.dataNotFound, "the store has no items to embed; run `marquee import` first")
        }
        let movies = if let tmdb { try TMDBMovie.read(tmdb) } else { [TMDBMovie]() }
        let described = ItemText.described(catalogue, tmdb: movies)
        let newlyDescribed = zip(catalogue, described).filter { $0 != $1 }.map(\.1)
        if !newlyDescribed.isEmpty { try await store.write(StoreBatch(items: newlyDescribed)) }
        let texts = ItemText.texts(for: described, tags: try await store.tags())
        let previous = try await latest(in: store)?.embeddings ?? StoredItemEmbeddings(encoder: encoder.name, dimension: encoder.dimension)
        let clock = ContinuousClock()
        let start = clock.now
        let (embeddings, embedded) = try await previous.updated(with: texts, encoder: encoder)
        let seconds = (clock.now - start).seconds
        let payload = try JSONEncoder().encode(embeddings)
        let version = try await store.save(StoredModel(
            name: StoredItemEmbeddings.name, hyperparameters: try JSONEncoder().encode(["encoder": encoder.name]),
            dataFingerprint: DataFingerprint.of(embeddings.fingerprints.joined(separator: "\n")),
            metrics: ["embedded": Double(embedded), "embed_seconds": seconds], payload: payload))
        return CatalogueEmbeddingSummary(items: texts.count, embedded: embedded, version: version, seconds: seconds)
    }

    /// The newest stored embeddings and their version, or `nil` if the catalogue was never embedded.
    /// - Throws: ``PipelineError`` `.noModel` when the stored payload is unreadable; store errors.
    public static func latest(in store: any Store) async throws -> (embeddings: StoredItemEmbeddings, version: Int)? {
        guard let stored = try await store.latestModel(named: StoredItemEmbeddings.name) else { return nil }
        do {
            return (try JSONDecoder().decode(StoredItemEmbeddings.self, from: stored.payload), stored.version)
        } catch {
            throw PipelineError(.noModel, "stored item embeddings v\(stored.version) are unreadable; run `marquee embed` again",
                                underlying: error)
        }
    }
}

extension CatalogueEmbeddingSummary {
    /// One line: items, how many were embedded this time, version and time.
    public var text: String {
        "item embeddings v\(version): \(items) items, \(embedded) embedded now (text new or changed), "
            + "\(items - embedded) reused, in \(TextTable.seconds(seconds))"
    }
}
