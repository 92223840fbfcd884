import Foundation
import GRDB
import RecStore

/// API keys, kept as SHA-256 digests in the `api_keys` table.
extension SQLiteStore {
    /// Adds `key`.
    /// - Throws: `StoreError.conflict` if a key with the same id exists.
    public func insert(_ key: APIKeyRecord) async throws {
        try await write("add API key '\(key.id)'") { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM api_keys WHERE id = ?", arguments: [key.id]) == nil else {
                throw StoreError(.conflict, "an API key with id \(key.id) exists already")
            }
            try db.execute(sql: """
                INSERT INTO api_keys (id, role, digest, label, created_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [key.id, key.role.rawValue, key.digest, key.label, key.createdAt.timeIntervalSince1970,
                                 key.revokedAt?.timeIntervalSince1970])
        }
    }

    /// The key with this id, or `nil`.
    /// - Complexity: O(log(keys)), by primary key.
    public func apiKey(id: String) async throws -> APIKeyRecord? {
        try await read("read API key '\(id)'") { db in
            try Row.fetchOne(db.cachedStatement(sql: "\(Self.keyColumns) WHERE id = ?"), arguments: [id]).map(Self.key)
        }
    }

    /// Every key, oldest first.
    public func apiKeys() async throws -> [APIKeyRecord] {
        try await read("read API keys") { db in
            try Row.fetchAll(db, sql: "\(Self.keyColumns) ORDER BY created_at, id").map(Self.key)
        }
    }

    /// Marks the key revoked at `date` unless it already is.
    /// - Returns: whether a valid key with this id existed.
    @discardableResult
    public func revokeAPIKey(id: String, at date: Date) async throws -> Bool {
        try await write("revoke API key '\(id)'") { db in
            try db.execute(sql: "UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                           arguments: [date.timeIntervalSince1970, id])
            return db.changesCount > 0
        }
    }

    private static let keyColumns = "SELECT id, role, digest, label, created_at, revoked_at FROM api_keys"

    private static func key(_ row: Row) throws -> APIKeyRecord {
        let roleName: String = row[1]
        guard let role = APIKeyRole(rawValue: roleName) else {
            throw StoreError(.invalidValue, """
                api_keys row \(row[0] as String): role is '\(roleName)'; expected one of \
                \(APIKeyRole.allCases.map(\.rawValue).joined(separator: ", "))
                """)
        }
        let revoked: Double? = row[5]
        return APIKeyRecord(id: row[0], role: role, digest: row[2], label: row[3],
                            createdAt: Date(timeIntervalSince1970: row[4]), revokedAt: revoked.map(Date.init(timeIntervalSince1970:)))
    }
}
