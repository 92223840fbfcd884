import Foundation
import RecImport
import RecStore
import RecStoreSQLite
import RecText

/// `marquee sentiment`: the sentiment of a review or comment, by the trained classifier over MiniLM
/// embeddings when the store holds one, and by the bundled VADER port always.
public enum SentimentAnalysis {
    /// Name of the classifier's ``RecStore/StoredModel``.
    public static let modelName = "sentiment-classifier"

    /// Scores `text` with VADER and, when `database` holds a trained classifier, with the classifier.
    ///
    /// A missing database file is not created: the report then says no classifier is trained.
    /// - Parameters:
    ///   - database: path of the SQLite store `marquee sentiment --train` saved to.
    ///   - models: where all-MiniLM-L6-v2 is, needed only when a classifier is stored.
    /// - Throws: ``RecText/SentimentError`` if the VADER lexicon cannot be read; ``RecText/TextError`` if a
    ///   classifier is stored but the encoder is missing; ``PipelineError`` if the stored classifier does
    ///   not decode; store errors.
    /// - Complexity: O(length of text), plus one MiniLM forward pass when a classifier is stored.
    public static func analyze(_ text: String, database: String, models: ModelLocation) async throws -> SentimentReport {
        let scores = try VADER().scores(text)
        let hint = "run `marquee sentiment --train` to train one on SST-2"
        guard let store = try existingStore(at: database) else {
            return SentimentReport(scores: scores, probability: nil, classifierNote: "no trained classifier: \(database) does not exist; \(hint)")
        }
        guard let (classifier, version) = try await storedClassifier(in: store) else {
            return SentimentReport(scores: scores, probability: nil, classifierNote: "no trained classifier in \(database); \(hint)")
        }
        let embedding = try await models.sentenceEncoder().embed([text])[0]
        return SentimentReport(scores: scores, probability: classifier.probability(of: embedding),
                               classifierNote: "\(modelName) v\(version)")
    }

    /// The SQLite store at `path`, or `nil` when no such file exists (so that reading never creates one).
    /// - Throws: store errors when the file exists but cannot be opened.
    public static func existingStore(at path: String) throws -> SQLiteStore? {
        FileManager.default.fileExists(atPath: path) ? try SQLiteStore(path: path) : nil
    }

    /// The newest classifier saved in `store` and its version, or `nil` when none was saved.
    /// - Throws: ``PipelineError`` `.noModel` when the stored payload does not decode; store errors.
    public static func storedClassifier(in store: any Store) async throws -> (SentimentClassifier, version: Int)? {
        guard let stored = try await store.latestModel(named: modelName) else { return nil }
        return (try stored.decoded(as: SentimentClassifier.self, retraining: "marquee sentiment --train"), stored.version)
    }

    /// The embeddings of `texts` and their labels, in order.
    static func encode(_ texts: [LabeledText], with encoder: MiniLMEncoder) async throws -> (embeddings: [[Float]], labels: [Bool]) {
        (try await encoder.embed(texts.map(\.text)), texts.map(\.isPositive))
    }
}
