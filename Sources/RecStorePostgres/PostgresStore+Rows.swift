import Foundation
import PostgresNIO
import RecCore
import RecStore

/// Reading and writing the store's rows: batches, interactions, tags, items, users and counts.
extension PostgresStore {
    /// Writes `batch` in one transaction; see ``Store/write(_:)``.
    ///
    /// Users and items that an interaction or tag names and that are neither stored nor in the batch are
    /// created with empty details (users with every field `nil`, items with title `""`); an existing item
    /// is never changed by that, only by an ``Item`` in a batch.
    /// - Throws: `StoreError` `.invalidValue` if an interaction value is NaN or infinite, before anything
    ///   is sent; `.backend` if PostgreSQL fails. Either way nothing of the batch is written.
    /// - Complexity: O(rows × log(table size)); a fixed number of round trips per batch, whatever its size.
    @discardableResult
    public func write(_ batch: StoreBatch) async throws -> StoreWriteSummary {
        do {
            try PostgresBatchWriter.validate(batch)
        } catch let error as StoreError {
            var error = error
            error.message = "cannot write batch in PostgreSQL database \(configuration.description): \(error.message)"
            throw error
        }
        let logger = logger
        return try await transaction("write batch") { connection in
            try await PostgresBatchWriter(connection: connection, logger: logger).write(batch)
        }
    }

    /// Every interaction, ordered by user id, then timestamp (unknown first), then item id.
    /// - Complexity: O(interactions), read in the order of the `interactions_by_user` index.
    public func interactions() async throws -> [Interaction] {
        try await interactions("read interactions", """
            SELECT user_id, item_id, kind, value, timestamp FROM interactions
            ORDER BY user_id, timestamp NULLS FIRST, item_id, kind
            """)
    }

    /// The interactions of `user`, ordered by timestamp (unknown first), then item id.
    /// - Complexity: O(log(interactions) + the user's interactions).
    /// Runs the prepared statement ``InteractionsOfUser``.
    public func interactions(of user: UserID) async throws -> [Interaction] {
        try await autocommit("read interactions of user \(user)") { [logger] connection in
            var interactions: [Interaction] = []
            for try await row in try await connection.execute(InteractionsOfUser(user: user.rawValue), logger: logger) {
                interactions.append(try Self.interaction(row))
            }
            return interactions
        }
    }

    /// Every tag, ordered by user id, then timestamp (unknown first), then item id, then text.
    /// - Complexity: O(tags).
    public func tags() async throws -> [Tag] {
        try await tags("read tags", """
            SELECT user_id, item_id, text, timestamp FROM tags ORDER BY user_id, timestamp NULLS FIRST, item_id, text
            """)
    }

    /// The tags `user` wrote, ordered by timestamp (unknown first), then item id, then text.
    /// - Complexity: O(log(tags) + the user's tags), read from the `tags_by_user` index.
    public func tags(of user: UserID) async throws -> [Tag] {
        try await tags("read tags of user '\(user)'", """
            SELECT user_id, item_id, text, timestamp FROM tags WHERE user_id = \(user.rawValue)
            ORDER BY timestamp NULLS FIRST, item_id, text
            """)
    }

    /// Items with the given ids that exist, in the order of `ids`; unknown ids are left out.
    /// - Complexity: one query, O(ids × log(items)).
    public func items(_ ids: [ItemID]) async throws -> [Item] {
        guard !ids.isEmpty else { return [] }
        let found = try await items("read items", """
            SELECT \(unescaped: Self.itemColumns) FROM items WHERE id = ANY(\(ids.map(\.rawValue)))
            """)
        let byID = Dictionary(found.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return ids.compactMap { byID[$0] }
    }

    /// Every item, ordered by id.
    /// - Complexity: O(items).
    public func allItems() async throws -> [Item] {
        try await items("read items", "SELECT \(unescaped: Self.itemColumns) FROM items ORDER BY id")
    }

    /// The user with id `id`, or `nil` if unknown.
    /// Runs the prepared statement ``UserDetails``.
    public func user(_ id: UserID) async throws -> User? {
        try await autocommit("read user \(id)") { [logger] connection in
            var user: User?
            for try await (age, gender, occupation) in try await connection.execute(UserDetails(user: id.rawValue), logger: logger) {
                user = User(id: id, age: age, gender: gender, occupation: occupation)
            }
            return user
        }
    }

    /// Row counts of the items, users, interactions and tags tables.
    /// - Complexity: O(rows): PostgreSQL counts by scanning each table.
    public func counts() async throws -> StoreCounts {
        try await autocommit("count rows") { [logger] connection in
            var counts = StoreCounts()
            for try await (items, users, interactions, tags) in try await connection.query("""
                SELECT (SELECT count(*) FROM items), (SELECT count(*) FROM users),
                       (SELECT count(*) FROM interactions), (SELECT count(*) FROM tags)
                """, logger: logger).decode((Int, Int, Int, Int).self) {
                counts = StoreCounts(items: items, users: users, interactions: interactions, tags: tags)
            }
            return counts
        }
    }

    /// Runs an interactions query whose columns are user_id, item_id, kind, value, timestamp.
    private func interactions(_ operation: String, _ query: PostgresQuery) async throws -> [Interaction] {
        try await autocommit(operation) { [logger] connection in
            var interactions: [Interaction] = []
            for try await row in try await connection.query(query, logger: logger).decode(InteractionRow.self) {
                interactions.append(try Self.interaction(row))
            }
            return interactions
        }
    }

    /// The interaction an interactions row holds.
    /// - Throws: `StoreError.invalidValue` if its kind is not an ``InteractionKind``.
    private static func interaction(_ row: InteractionRow) throws -> Interaction {
        let (user, item, kindName, value, timestamp) = row
        guard let kind = InteractionKind(rawValue: kindName) else {
            throw StoreError(.invalidValue, """
                interactions row (user \(user), item \(item)): kind is '\(kindName)'; \
                expected one of \(InteractionKind.allCases.map(\.rawValue).joined(separator: ", "))
                """)
        }
        return Interaction(user: UserID(user), item: ItemID(item), kind: kind, value: value.map(Float.init), timestamp: timestamp)
    }

    /// Runs a tags query whose columns are user_id, item_id, text, timestamp.
    private func tags(_ operation: String, _ query: PostgresQuery) async throws -> [Tag] {
        try await autocommit(operation) { [logger] connection in
            var tags: [Tag] = []
            for try await (user, item, text, timestamp) in try await connection.query(query, logger: logger)
                .decode((String, String, String, Int64?).self) {
                tags.append(Tag(user: UserID(user), item: ItemID(item), text: text, timestamp: timestamp))
            }
            return tags
        }
    }

    /// Runs an items query over ``itemColumns``; `genres` and `keywords` are ``RecStore/StringListColumn`` JSON.
    private func items(_ operation: String, _ query: PostgresQuery) async throws -> [Item] {
        try await autocommit(operation) { [logger] connection in
            var items: [Item] = []
            for try await (id, title, year, genres, imdb, tmdb, movieLens, tagline, overview, keywords)
                in try await connection.query(query, logger: logger)
                .decode((String, String, Int?, String, String?, Int?, Int?, String, String, String).self) {
                items.append(Item(id: ItemID(id), title: title, year: year,
                                  genres: try StringListColumn.decode(genres, column: "genres", item: id),
                                  externalIDs: ExternalIDs(imdb: imdb, tmdb: tmdb, movieLens: movieLens), tagline: tagline,
                                  overview: overview, keywords: try StringListColumn.decode(keywords, column: "keywords", item: id)))
            }
            return items
        }
    }

    /// The columns ``items(_:_:)`` decodes, in its order.
    private static let itemColumns = "id, title, year, genres, imdb_id, tmdb_id, movielens_id, tagline, overview, keywords"
}
