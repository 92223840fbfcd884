import Foundation
import GRDB
import RecCore
import RecStore

/// Reading and writing the store's rows: batches, interactions, tags, items, users and counts.
extension SQLiteStore {
    /// Writes `batch` in one transaction; see ``Store/write(_:)``.
    ///
    /// A user or item that an interaction or tag names and that is neither stored nor in the batch is
    /// created with empty details: users with every field `nil`, items with title `""`. An existing
    /// item is never changed by that, only by an ``Item`` in a batch.
    /// - Throws: `StoreError` `.invalidValue` if an interaction value is NaN or infinite (SQLite would
    ///   store NaN as `NULL`); `.backend` if SQLite fails. Either way nothing of the batch is written.
    /// - Complexity: O((rows) × log(table size)); one prepared statement per table, reused per row.
    @discardableResult
    public func write(_ batch: StoreBatch) async throws -> StoreWriteSummary {
        try await write("write batch") { db in
            var writer = SQLiteBatchWriter(db)
            return try writer.write(batch)
        }
    }

    /// Every interaction, ordered by user id, then timestamp (unknown first), then item id.
    /// - Complexity: O(interactions), streamed from the `interactions_by_user` index without sorting.
    public func interactions() async throws -> [Interaction] {
        try await read("read interactions") { db in
            try Self.interactions(db, sql: """
                SELECT user_id, item_id, kind, value, timestamp FROM interactions
                ORDER BY user_id, timestamp, item_id, kind
                """, arguments: [])
        }
    }

    /// The interactions of `user`, ordered by timestamp (unknown first), then item id.
    /// - Complexity: O(log(interactions) + the user's interactions).
    public func interactions(of user: UserID) async throws -> [Interaction] {
        try await read("read interactions of user \(user)") { db in
            try Self.interactions(db, sql: """
                SELECT user_id, item_id, kind, value, timestamp FROM interactions WHERE user_id = ?
                ORDER BY timestamp, item_id, kind
                """, arguments: [user.rawValue])
        }
    }

    /// Every tag, ordered by user id, then timestamp (unknown first), then item id, then text.
    /// - Complexity: O(tags), streamed from the `tags_by_user` index without sorting.
    public func tags() async throws -> [Tag] {
        try await read("read tags") { db in
            try Self.tags(db, sql: """
                SELECT user_id, item_id, text, timestamp FROM tags ORDER BY user_id, timestamp, item_id, text
                """, arguments: [])
        }
    }

    /// The tags `user` wrote, ordered by timestamp (unknown first), then item id, then text.
    /// - Complexity: O(log(tags) + the user's tags), read from the `tags_by_user` index.
    public func tags(of user: UserID) async throws -> [Tag] {
        try await read("read tags of user '\(user)'") { db in
            try Self.tags(db, sql: """
                SELECT user_id, item_id, text, timestamp FROM tags WHERE user_id = ? ORDER BY timestamp, item_id, text
                """, arguments: [user.rawValue])
        }
    }

    /// Items with the given ids that exist, in the order of `ids`; unknown ids are left out.
    /// - Complexity: O(ids × log(items)).
    public func items(_ ids: [ItemID]) async throws -> [Item] {
        try await read("read items") { db in
            let statement = try db.cachedStatement(sql: "\(Self.itemColumns) WHERE id = ?")
            return try ids.compactMap { id in
                try Row.fetchOne(statement, arguments: [id.rawValue]).map(Self.item)
            }
        }
    }

    /// Every item, ordered by id.
    /// - Complexity: O(items).
    public func allItems() async throws -> [Item] {
        try await read("read items") { db in
            let rows = try Row.fetchCursor(db, sql: "\(Self.itemColumns) ORDER BY id")
            var items: [Item] = []
            while let row = try rows.next() { items.append(try Self.item(row)) }
            return items
        }
    }

    /// The user with id `id`, or `nil` if unknown.
    public func user(_ id: UserID) async throws -> User? {
        try await read("read user \(id)") { db in
            try Row.fetchOne(db, sql: "SELECT age, gender, occupation FROM users WHERE id = ?",
                             arguments: [id.rawValue])
                .map { User(id: id, age: $0[0], gender: $0[1], occupation: $0[2]) }
        }
    }

    /// Row counts of the items, users, interactions and tags tables.
    /// - Complexity: O(rows): SQLite counts by scanning the smallest index of each table.
    public func counts() async throws -> StoreCounts {
        try await read("count rows") { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT (SELECT count(*) FROM items), (SELECT count(*) FROM users),
                       (SELECT count(*) FROM interactions), (SELECT count(*) FROM tags)
                """)
            guard let row else { return StoreCounts() }
            return StoreCounts(items: row[0], users: row[1], interactions: row[2], tags: row[3])
        }
    }

    private static let itemColumns =
        "SELECT id, title, year, genres, imdb_id, tmdb_id, movielens_id, tagline, overview, keywords FROM items"

    /// Decodes an `itemColumns` row; `genres` and `keywords` are ``RecStore/StringListColumn`` JSON.
    private static func item(_ row: Row) throws -> Item {
        let id: String = row[0]
        return Item(id: ItemID(id), title: row[1], year: row[2],
                    genres: try StringListColumn.decode(row[3], column: "genres", item: id),
                    externalIDs: ExternalIDs(imdb: row[4], tmdb: row[5], movieLens: row[6]),
                    tagline: row[7], overview: row[8], keywords: try StringListColumn.decode(row[9], column: "keywords", item: id))
    }

    /// Runs a tags query whose columns are user_id, item_id, text, timestamp.
    private static func tags(_ db: Database, sql: String, arguments: StatementArguments) throws -> [Tag] {
        let rows = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: arguments)
        var tags: [Tag] = []
        while let row = try rows.next() {
            tags.append(Tag(user: UserID(row[0] as String), item: ItemID(row[1] as String), text: row[2], timestamp: row[3]))
        }
        return tags
    }

    /// Runs an interactions query whose columns are user_id, item_id, kind, value, timestamp.
    ///
    /// Rows are read straight off the statement cursor by column index, not through `Codable`.
    private static func interactions(_ db: Database, sql: String, arguments: StatementArguments) throws -> [Interaction] {
        let rows = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: arguments)
        var interactions: [Interaction] = []
        while let row = try rows.next() {
            let kindName: String = row[2]
            guard let kind = InteractionKind(rawValue: kindName) else {
                throw StoreError(.invalidValue, """
                    interactions row (user \(row[0] as String), item \(row[1] as String)): kind is '\(kindName)'; \
                    expected one of \(InteractionKind.allCases.map(\.rawValue).joined(separator: ", "))
                    """)
            }
            let value: Double? = row[3]
            interactions.append(Interaction(user: UserID(row[0] as String), item: ItemID(row[1] as String),
                                            kind: kind, value: value.map(Float.init), timestamp: row[4]))
        }
        return interactions
    }
}
