import RecAlgorithms
import RecCore
import RecStore
import RecText

/// Movies for someone with no history who says what they are in the mood for, and what was made of the text.
public struct TextRecommendationList: Sendable, Hashable {
    /// The movies, best first.
    public var items: [Item]
    /// Cosine between each movie's embedding and the text's.
    public var cosines: [Float]
    /// Whether the text was longer than the encoder takes, so only its beginning was used.
    public var isTruncated: Bool
    /// Word pieces the text was read as (after truncation).
    public var pieces: Int
    /// The embeddings used, e.g. `"item-embeddings v2"`.
    public var model: String
}

/// `marquee recommend --text`: ranks the catalogue by cosine between the text's embedding and each movie's, both
/// centred on the catalogue's mean embedding.
public enum TextRecommending {
    /// The `count` movies whose stored embeddings are closest to `text`'s.
    /// - Throws: ``PipelineError`` `.invalidArgument` for a text with no words, or only words the model cannot
    ///   read (emoji, unsupported scripts); `.noModel` when the catalogue was never embedded or with another
    ///   encoder; store errors.
    /// - Complexity: the encoder's cost for the text plus O(items × dimension).
    public static func recommend(text: String, count: Int, store: any Store, encoder: MiniLMEncoder) async throws -> TextRecommendationList {
        let (stored, version) = try await embeddings(in: store, for: encoder)
        let (ranked, query) = try await rank(text: text, count: count, embeddings: stored.embeddings, encoder: encoder)
        let details = Dictionary(uniqueKeysWithValues: try await store.items(ranked.map(\.item)).map { ($0.id, $0) })
        let found = ranked.compactMap { scored in details[scored.item].map { ($0, scored.score) } }
        return TextRecommendationList(items: found.map(\.0), cosines: found.map(\.1), isTruncated: query.isTruncated,
                                      pieces: query.pieces, model: "\(StoredItemEmbeddings.name) v\(version)")
    }

    /// The newest stored embeddings and their version, checked to be `encoder`'s.
    /// - Throws: ``PipelineError`` `.noModel` when the catalogue was never embedded or with another encoder; store errors.
    public static func embeddings(in store: any Store, for encoder: MiniLMEncoder) async throws -> (StoredItemEmbeddings, Int) {
        guard let (stored, version) = try await CatalogueEmbedding.latest(in: store) else {
            throw PipelineError(.noModel, "the catalogue has no embeddings; run `marquee embed` first")
        }
        guard stored.encoder == encoder.name, stored.dimension == encoder.dimension else {
            throw PipelineError(.noModel, "the stored embeddings were made by \(stored.encoder), not \(encoder.name); run `marquee embed` again")
        }
        return (stored, version)
    }

    /// The `count` items of `embeddings` closest to `text` by cosine (both centred on the catalogue's mean), and
    /// how the text was read.
    /// - Throws: ``PipelineError`` `.invalidArgument` for a text with no readable words.
    /// - Complexity: the encoder's cost for the text plus O(items × dimension).
    public static func rank(text: String, count: Int, embeddings: ItemEmbeddings,
                            encoder: MiniLMEncoder) async throws -> (items: [ScoredItem], query: TextEmbedding) {
        let query = try await embedQuery(text, encoder: encoder)
        return (embeddings.nearest(to: embeddings.centered(query.vector), count: count), query)
    }

    /// The embedding of a user's free text, refused when there is nothing in it the model can read.
    /// - Throws: ``PipelineError`` `.invalidArgument` naming what is wrong and what to write instead.
    static func embedQuery(_ text: String, encoder: MiniLMEncoder) async throws -> TextEmbedding {
        guard let query = try await encoder.encode([text]).first, query.pieces > 0 else {
            throw PipelineError(.invalidArgument, "the text has no words (it is empty, blank or not readable as UTF-8); "
                                + "describe what you would like to watch, e.g. \"something funny and light\"")
        }
        guard query.unknownPieces < query.pieces else {
            throw PipelineError(.invalidArgument, "none of the text's \(query.pieces) words is known to the model "
                                + "(only emoji, symbols or an unsupported script); describe what you would like to watch in words")
        }
        return query
    }
}
