import GRDB
import RecCore
import RecStore

/// Removing a user's data or a catalogue entry.
extension SQLiteStore {
    /// Removes `id`'s interactions, tags and user row in one transaction.
    ///
    /// The rows are deleted, not flagged; their bytes stay in free pages and the WAL until SQLite
    /// reuses them or the database is vacuumed (the privacy issue's checkpoint test covers that).
    /// - Returns: the number of rows removed in all; 0 for an unknown user.
    /// - Complexity: O(log(rows) + the user's rows), through the by-user indexes.
    @discardableResult
    public func deleteUser(_ id: UserID) async throws -> Int {
        try await write("delete user '\(id)'") { db in
            var removed = 0
            for sql in ["DELETE FROM interactions WHERE user_id = ?", "DELETE FROM tags WHERE user_id = ?",
                        "DELETE FROM users WHERE id = ?"] {
                try db.execute(sql: sql, arguments: [id.rawValue])
                removed += db.changesCount
            }
            return removed
        }
    }

    /// Removes the item `id`; its interactions and tags go with it (`ON DELETE CASCADE`).
    /// - Returns: whether the item existed.
    /// - Complexity: O(interactions + tags): there is no index by item (see ``SQLiteSchema``), and
    ///   catalogue deletions are rare operator actions.
    @discardableResult
    public func deleteItem(_ id: ItemID) async throws -> Bool {
        try await write("delete item '\(id)'") { db in
            try db.execute(sql: "DELETE FROM items WHERE id = ?", arguments: [id.rawValue])
            return db.changesCount > 0
        }
    }
}
