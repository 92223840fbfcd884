import Foundation
import RecCore
import RecStore
import RecText

/// Validates feedback events and stores them durably, in one transaction per request, before the
/// response: a 2xx means the events are in the database.
struct FeedbackRecorder: Sendable {
    let store: any Store
    let registry: ModelRegistry
    let sentiment: ReviewSentiment

    /// Longest review accepted, in characters.
    static let maximumReviewLength = 10_000
    /// Most events in one batch.
    static let maximumBatch = 10_000

    /// Stores `events` (all or none) and counts them towards retraining.
    /// - Throws: ``APIError`` `.invalidRequest` naming the first bad field (`events[i].value`),
    ///   `.notFound` for an item the catalogue lacks; store errors.
    func record(_ events: [FeedbackEvent], fieldPrefix: (Int) -> String) async throws -> FeedbackReceipt {
        guard events.count <= Self.maximumBatch else {
            throw APIError(.invalidRequest, "the batch has \(events.count) events; at most \(Self.maximumBatch) are accepted", field: "events")
        }
        let (catalogue, scale) = await registry.feedbackState()
        let now = Int64(Date().timeIntervalSince1970)
        var batch = StoreBatch()
        for (index, event) in events.enumerated() {
            var evidence: SentimentEvidence?
            if event.kind == .review, let text = event.text, Self.isReadable(text) { evidence = try await sentiment.evidence(of: text) }
            let (interaction, text) = try convert(event, field: fieldPrefix(index), catalogue: catalogue, scale: scale, now: now,
                                                  evidence: evidence)
            if let interaction { batch.interactions.append(interaction) }
            if let text { batch.tags.append(text) }
        }
        let summary = try await store.write(batch)
        await registry.recordFeedback(batch.interactions, count: events.count)
        return FeedbackReceipt(accepted: events.count, new: summary.interactions + summary.tags)
    }

    /// The interaction and text an event stores.
    /// Whether `text` is a review this server reads: not blank and at most ``maximumReviewLength`` characters.
    private static func isReadable(_ text: String) -> Bool {
        !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty && text.count <= maximumReviewLength
    }

    private func convert(_ event: FeedbackEvent, field: String, catalogue: Catalogue, scale: RatingScale?,
                         now: Int64, evidence: SentimentEvidence?) throws -> (Interaction?, Tag?) {
        try Identifiers.check(event.user, field: field + "user")
        guard catalogue.items[ItemID(event.item)] != nil else {
            throw APIError(.notFound, "item '\(event.item)' is not in the catalogue", field: field + "item")
        }
        let user = UserID(event.user), item = ItemID(event.item), timestamp = event.timestamp ?? now
        switch event.kind {
        case .rating:
            guard let value = event.value.map(Float.init), value.isFinite, scale.map({ $0.contains(value) }) ?? true else {
                let expected = scale.map { "a number from \($0.minimum) to \($0.maximum)" } ?? "a finite number"
                throw APIError(.invalidRequest, "a rating needs 'value': \(expected); found \(event.value.map { "\($0)" } ?? "none")",
                               field: field + "value")
            }
            return (Interaction(user: user, item: item, kind: .rating, value: value, timestamp: timestamp), nil)
        case .like, .dislike, .watched, .skipped:
            let kind: InteractionKind = switch event.kind {
            case .like: .like
            case .dislike: .dislike
            case .watched: .watched
            default: .skipped
            }
            return (Interaction(user: user, item: item, kind: kind, timestamp: timestamp), nil)
        case .review:
            guard let text = event.text, let evidence, Self.isReadable(text) else {
                throw APIError(.invalidRequest, "a review needs 'text' of 1 to \(Self.maximumReviewLength) characters",
                               field: field + "text")
            }
            let (kind, sentiment) = ReviewSentiment.verdict(evidence)
            return (kind.map { Interaction(user: user, item: item, kind: $0, value: sentiment, timestamp: timestamp) },
                    Tag(user: user, item: item, text: text, timestamp: timestamp))
        }
    }
}
