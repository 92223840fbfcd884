import Hummingbird
import RecCore

/// What the server holds about a user, in counts.
public struct UserSummary: ResponseEncodable, Decodable, Sendable, Equatable {
    /// The user's id.
    public var id: String
    /// Feedback events stored.
    public var interactions: Int
    /// Of those, the positive ones (high ratings, likes, watches, positive reviews).
    public var positives: Int
    /// Texts (tags, reviews) stored.
    public var texts: Int
}

/// Users with the most training history, for picking a demo user.
public struct UserList: ResponseEncodable, Decodable, Sendable, Equatable {
    /// Their ids, most history first.
    public var users: [String]
}

/// Everything the server holds about one user (`GET /v1/users/{user}/export`).
public struct UserExport: ResponseEncodable, Decodable, Sendable, Equatable {
    /// The user's id.
    public var id: String
    /// Demographics, if any were imported.
    public var profile: User?
    /// Every feedback event, oldest first.
    public var interactions: [Interaction]
    /// Every text (tags, reviews), oldest first.
    public var texts: [Tag]
}

/// What `DELETE /v1/users/{user}` removed.
public struct DeletionReceipt: ResponseEncodable, Decodable, Sendable, Equatable {
    /// Rows removed in all (events, texts, the profile).
    public var removed: Int
}
