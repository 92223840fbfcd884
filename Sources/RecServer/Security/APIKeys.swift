import Crypto
import Foundation
import RecStore

/// Creating, checking, listing and revoking API keys (`marquee keys`, and every authenticated request).
///
/// A key is `mq_` followed by 48 hex digits (192 random bits from the system's secure generator). The
/// store keeps only its SHA-256 digest; the key's id is the digest's first 8 hex digits, so a presented
/// key is found by id and then compared digest to digest in constant time.
///
/// A server remembers each valid key's role for `cacheSeconds` (1 s by default), so most requests skip the
/// store read; a key revoked through this instance is refused at once, one revoked by another process
/// (`marquee keys revoke`) within `cacheSeconds`.
public struct APIKeys: Sendable {
    /// Where the keys live.
    public let store: any Store
    private let cache: RoleCache?

    /// Keys kept in `store`; valid roles are remembered for `cacheSeconds` (0: always read the store).
    public init(store: any Store, cacheSeconds: Double = 0) {
        self.store = store
        cache = cacheSeconds > 0 ? RoleCache(lifetime: .milliseconds(Int64(cacheSeconds * 1000))) : nil
    }

    /// A new key with `role`, stored as its digest; the returned text is the only copy of the key.
    /// - Throws: store errors.
    public func create(role: APIKeyRole, label: String = "") async throws -> (key: String, record: APIKeyRecord) {
        var generator = SystemRandomNumberGenerator()
        let key = "mq_" + (0..<24).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
        let record = Self.record(for: key, role: role, label: label)
        try await store.insert(record)
        return (key, record)
    }

    /// A new key with `role` and `label`, after revoking every valid key with the same label: how the
    /// demo hands its web page a fresh client key on each start without piling up old ones.
    /// - Throws: store errors.
    public func renew(role: APIKeyRole, label: String) async throws -> String {
        for record in try await store.apiKeys() where record.label == label && record.revokedAt == nil {
            try await store.revokeAPIKey(id: record.id, at: Date())
        }
        return try await create(role: role, label: label).key
    }

    /// Stores `key` (chosen by the operator, e.g. from `MARQUEE_ADMIN_KEY`) as an admin key unless a
    /// valid key with its digest is already stored.
    /// - Throws: store errors.
    public func install(adminKey key: String, label: String) async throws {
        let record = Self.record(for: key, role: .admin, label: label)
        if let existing = try await store.apiKey(id: record.id), existing.revokedAt == nil { return }
        try await store.insert(record)
    }

    /// The role of `key`, or `nil` if it is unknown or revoked.
    /// - Complexity: one SHA-256 of the key and one keyed read.
    public func role(of key: String) async throws -> APIKeyRole? {
        try await role(digest: Self.digest(of: key))
    }

    /// The role of the key whose SHA-256 digest is `digest`, as ``role(of:)``.
    func role(digest: Data) async throws -> APIKeyRole? {
        if let role = await cache?.role(for: digest) { return role }
        guard let record = try await store.apiKey(id: Self.id(of: digest)), record.revokedAt == nil,
              Self.constantTimeEquals(record.digest, digest) else { return nil }
        await cache?.remember(record.role, for: digest)
        return record.role
    }

    /// Every key, revoked ones included, oldest first.
    public func list() async throws -> [APIKeyRecord] { try await store.apiKeys() }

    /// Revokes the key with `id`.
    /// - Throws: ``ServerError`` `.unknownKey` if no valid key has that id; store errors.
    public func revoke(id: String) async throws {
        guard try await store.revokeAPIKey(id: id, at: Date()) else {
            throw ServerError(.unknownKey, "no valid API key has id '\(id)'; `marquee keys list` shows the ids")
        }
        await cache?.forget(id: id)
    }

    static func record(for key: String, role: APIKeyRole, label: String) -> APIKeyRecord {
        let digest = digest(of: key)
        return APIKeyRecord(id: id(of: digest), role: role, digest: digest, label: label)
    }

    static func digest(of key: String) -> Data { Data(SHA256.hash(data: Data(key.utf8))) }

    static func id(of digest: Data) -> String { digest.prefix(4).map { String(format: "%02x", $0) }.joined() }

    /// Whether two digests are equal, taking the same time wherever they differ.
    static func constantTimeEquals(_ a: Data, _ b: Data) -> Bool {
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
