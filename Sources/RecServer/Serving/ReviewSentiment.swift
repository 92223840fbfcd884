import RecCore
import RecPipeline
import RecStore
import RecText

/// How the server reads a review: the trained sentiment classifier over MiniLM embeddings when the store holds
/// one (`marquee sentiment --train`) and the encoder is loaded, else the bundled VADER port.
///
/// On SST-2's test set the classifier scores 0.8188 accuracy and VADER 0.6568 (README, sentiment table), so the
/// classifier is preferred whenever it can run. A review whose positivity p (``RecText/SentimentEvidence/positivity``)
/// is at least 0.525 is a like, at most 0.475 a dislike — VADER's customary ±0.05 compound cut-off — and its
/// sentiment 2p − 1 is kept as the event's value.
struct ReviewSentiment: Sendable {
    let vader: VADER
    /// The classifier and the encoder it reads embeddings from, when both are available.
    let classifier: (model: SentimentClassifier, encoder: MiniLMEncoder)?

    /// Half the width of the undecided band around p = 0.5.
    static let neutralMargin: Float = 0.025

    /// VADER, plus the newest stored classifier when `encoder` can feed it.
    /// - Throws: ``RecText/SentimentError`` if the VADER lexicon cannot be read; ``PipelineError`` for a stored
    ///   classifier that does not decode; store errors.
    static func load(from store: any Store, encoder: MiniLMEncoder?) async throws -> ReviewSentiment {
        let vader = try VADER()
        guard let encoder, let (model, _) = try await SentimentAnalysis.storedClassifier(in: store),
              model.dimension == encoder.dimension else { return ReviewSentiment(vader: vader, classifier: nil) }
        return ReviewSentiment(vader: vader, classifier: (model, encoder))
    }

    /// The evidence about `text`'s sentiment.
    /// - Complexity: one MiniLM forward pass with the classifier; O(length) with VADER.
    func evidence(of text: String) async throws -> SentimentEvidence {
        guard let classifier else { return .vaderCompound(Float(vader.scores(text).compound)) }
        return .probability(classifier.model.probability(of: try await classifier.encoder.embed([text])[0]))
    }

    /// `.like` or `.dislike` for a decided review, `nil` for an undecided one, with the sentiment 2p − 1.
    static func verdict(_ evidence: SentimentEvidence) -> (kind: InteractionKind?, sentiment: Float) {
        let p = evidence.positivity
        let kind: InteractionKind? = p >= 0.5 + neutralMargin ? .like : p <= 0.5 - neutralMargin ? .dislike : nil
        return (kind, 2 * p - 1)
    }
}
