import Hummingbird
import RecCore

/// What a user did, as clients send it.
public enum FeedbackKind: String, Codable, Sendable, CaseIterable {
    /// An explicit rating; `value` is required, on the store's rating scale.
    case rating
    /// A thumbs-up.
    case like
    /// A thumbs-down: the item is never recommended to the user again.
    case dislike
    /// The user watched it.
    case watched
    /// The user was shown it and passed: the item is not recommended again.
    case skipped
    /// A written review; `text` is required. Stored as the user's text about the item; its VADER
    /// sentiment makes it a like (compound ≥ 0.05) or a dislike (≤ −0.05), or neither.
    case review
}

/// One feedback event.
public struct FeedbackEvent: Codable, Sendable, Equatable {
    /// Who (the client's own user id; 1 to 256 characters).
    public var user: String
    /// Which item; must be in the catalogue.
    public var item: String
    /// What happened.
    public var kind: FeedbackKind
    /// The rating, for `rating` events (decoded as a double, so any JSON number reads; checked against the scale).
    public var value: Double?
    /// The review, for `review` events (at most 10,000 characters).
    public var text: String?
    /// When, in Unix seconds; the server's clock when absent.
    public var timestamp: Int64?

    /// Creates an event.
    public init(user: String, item: String, kind: FeedbackKind, value: Double? = nil, text: String? = nil, timestamp: Int64? = nil) {
        self.user = user
        self.item = item
        self.kind = kind
        self.value = value
        self.text = text
        self.timestamp = timestamp
    }
}

/// Several feedback events, stored in one transaction: all or none.
public struct FeedbackBatch: Codable, Sendable {
    /// The events, at most 10,000.
    public var events: [FeedbackEvent]
}

/// The answer to feedback: how many events were stored (durably, before the response) and how many were new.
public struct FeedbackReceipt: ResponseEncodable, Decodable, Sendable, Equatable {
    /// Events in the request.
    public var accepted: Int
    /// Events not already stored (same user, item, kind and timestamp).
    public var new: Int
}
