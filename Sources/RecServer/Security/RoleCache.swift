import Foundation
import RecStore

/// Roles of recently checked API keys by digest, each kept for a fixed lifetime.
actor RoleCache {
    private let lifetime: Duration
    private var entries: [Data: (role: APIKeyRole, expires: ContinuousClock.Instant)] = [:]

    init(lifetime: Duration) { self.lifetime = lifetime }

    /// The remembered role for `digest`, unless its lifetime is over.
    func role(for digest: Data) -> APIKeyRole? {
        guard let entry = entries[digest] else { return nil }
        guard entry.expires > .now else {
            entries[digest] = nil
            return nil
        }
        return entry.role
    }

    /// Remembers `role` for `digest` for the lifetime.
    func remember(_ role: APIKeyRole, for digest: Data) {
        entries[digest] = (role, .now + lifetime)
    }

    /// Forgets the key whose id (first 8 hex digits of the digest) is `id`.
    func forget(id: String) {
        entries = entries.filter { APIKeys.id(of: $0.key) != id }
    }
}
