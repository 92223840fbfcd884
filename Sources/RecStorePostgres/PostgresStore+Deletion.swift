import PostgresNIO
import RecCore
import RecStore

/// Removing a user's data or a catalogue entry.
extension PostgresStore {
    /// Removes `id`'s interactions, tags and user row in one transaction.
    /// - Returns: the number of rows removed in all; 0 for an unknown user.
    /// - Complexity: O(log(rows) + the user's rows), through the by-user indexes.
    @discardableResult
    public func deleteUser(_ id: UserID) async throws -> Int {
        try await transaction("delete user '\(id)'") { [logger] connection in
            var removed = 0
            for query: PostgresQuery in [
                "WITH gone AS (DELETE FROM interactions WHERE user_id = \(id.rawValue) RETURNING 1) SELECT count(*) FROM gone",
                "WITH gone AS (DELETE FROM tags WHERE user_id = \(id.rawValue) RETURNING 1) SELECT count(*) FROM gone",
                "WITH gone AS (DELETE FROM users WHERE id = \(id.rawValue) RETURNING 1) SELECT count(*) FROM gone",
            ] {
                for try await count in try await connection.query(query, logger: logger).decode(Int.self) { removed += count }
            }
            return removed
        }
    }

    /// Removes the item `id`; its interactions and tags go with it (`ON DELETE CASCADE`).
    /// - Returns: whether the item existed.
    /// - Complexity: O(interactions + tags): as in SQLite, there is no index by item.
    @discardableResult
    public func deleteItem(_ id: ItemID) async throws -> Bool {
        try await autocommit("delete item '\(id)'") { [logger] connection in
            var existed = false
            for try await _ in try await connection.query("DELETE FROM items WHERE id = \(id.rawValue) RETURNING id", logger: logger)
                .decode(String.self) {
                existed = true
            }
            return existed
        }
    }
}
