import Foundation

/// What an API key may do.
public enum APIKeyRole: String, Sendable, Codable, CaseIterable, Hashable {
    /// Recommendations and feedback: what an app embedding Marquee needs.
    case client
    /// Everything a client may do, plus the catalogue, training, user export and deletion.
    case admin
}

/// An API key as a ``Store`` keeps it: never the key itself, only its SHA-256 digest.
///
/// The server hands a key out once, at creation; afterwards a presented key is checked by hashing it
/// and comparing digests in constant time.
public struct APIKeyRecord: Sendable, Hashable, Codable {
    /// The key's public identifier, also the start of the key (e.g. `"3f9a0c1b"`), for listing and revoking.
    public var id: String
    /// What the key may do.
    public var role: APIKeyRole
    /// SHA-256 of the whole key (32 bytes).
    public var digest: Data
    /// A note for operators, e.g. `"web page"`.
    public var label: String
    /// When the key was made.
    public var createdAt: Date
    /// When the key was revoked, or `nil` while it is valid.
    public var revokedAt: Date?

    /// Creates a record.
    public init(id: String, role: APIKeyRole, digest: Data, label: String = "", createdAt: Date = Date(), revokedAt: Date? = nil) {
        self.id = id
        self.role = role
        self.digest = digest
        self.label = label
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }
}
