import Foundation
import PostgresNIO
import RecStore

/// API keys, kept as SHA-256 digests in the `api_keys` table.
extension PostgresStore {
    /// Adds `key`.
    /// - Throws: `StoreError.conflict` if a key with the same id exists.
    public func insert(_ key: APIKeyRecord) async throws {
        try await autocommit("add API key '\(key.id)'") { [logger] connection in
            var inserted = false
            for try await _ in try await connection.query("""
                INSERT INTO api_keys (id, role, digest, label, created_at, revoked_at)
                VALUES (\(key.id), \(key.role.rawValue), \(key.digest), \(key.label), \(key.createdAt.timeIntervalSince1970),
                        \(key.revokedAt?.timeIntervalSince1970))
                ON CONFLICT (id) DO NOTHING RETURNING id
                """, logger: logger).decode(String.self) {
                inserted = true
            }
            guard inserted else { throw StoreError(.conflict, "an API key with id \(key.id) exists already") }
        }
    }

    /// The key with this id, or `nil`.
    /// - Complexity: O(log(keys)), by primary key.
    public func apiKey(id: String) async throws -> APIKeyRecord? {
        try await keys("read API key '\(id)'", "\(unescaped: Self.keyColumns) WHERE id = \(id)").first
    }

    /// Every key, oldest first.
    public func apiKeys() async throws -> [APIKeyRecord] {
        try await keys("read API keys", "\(unescaped: Self.keyColumns) ORDER BY created_at, id")
    }

    /// Marks the key revoked at `date` unless it already is.
    /// - Returns: whether a valid key with this id existed.
    @discardableResult
    public func revokeAPIKey(id: String, at date: Date) async throws -> Bool {
        try await autocommit("revoke API key '\(id)'") { [logger] connection in
            var revoked = false
            for try await _ in try await connection.query("""
                UPDATE api_keys SET revoked_at = \(date.timeIntervalSince1970) WHERE id = \(id) AND revoked_at IS NULL
                RETURNING id
                """, logger: logger).decode(String.self) {
                revoked = true
            }
            return revoked
        }
    }

    private static let keyColumns = "SELECT id, role, digest, label, created_at, revoked_at FROM api_keys"

    private func keys(_ operation: String, _ query: PostgresQuery) async throws -> [APIKeyRecord] {
        try await autocommit(operation) { [logger] connection in
            var keys: [APIKeyRecord] = []
            for try await (id, roleName, digest, label, createdAt, revokedAt) in try await connection.query(query, logger: logger)
                .decode((String, String, Data, String, Double, Double?).self) {
                guard let role = APIKeyRole(rawValue: roleName) else {
                    throw StoreError(.invalidValue, """
                        api_keys row \(id): role is '\(roleName)'; expected one of \
                        \(APIKeyRole.allCases.map(\.rawValue).joined(separator: ", "))
                        """)
                }
                keys.append(APIKeyRecord(id: id, role: role, digest: digest, label: label,
                                         createdAt: Date(timeIntervalSince1970: createdAt),
                                         revokedAt: revokedAt.map(Date.init(timeIntervalSince1970:))))
            }
            return keys
        }
    }
}
