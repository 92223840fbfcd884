import Foundation
import GRDB
import RecCore
import RecStore

/// Writes one ``StoreBatch`` inside a transaction the caller opened, counting the rows it adds.
///
/// Every statement is prepared once per connection (`cachedStatement`) and re-bound per row. Users
/// and items that interactions or tags name are created at most once per batch: ids already
/// upserted or ensured are remembered in a set, so a million interactions over a few thousand users
/// cost a few thousand extra statements, not two million.
struct SQLiteBatchWriter {
    private let db: Database
    private var summary = StoreWriteSummary()
    private var presentUsers: Set<UserID> = []
    private var presentItems: Set<ItemID> = []

    /// Prepares a writer on `db`, which must be inside a write transaction.
    init(_ db: Database) {
        self.db = db
    }

    /// Writes `batch`: items and users first (upsert), then interactions and tags (insert unless
    /// present), creating users and items they name.
    /// - Returns: how many rows of each table were new.
    /// - Throws: `StoreError` `.invalidValue` for a non-finite interaction value; SQLite errors as they come.
    mutating func write(_ batch: StoreBatch) throws -> StoreWriteSummary {
        for item in batch.items { try upsert(item) }
        for user in batch.users { try upsert(user) }
        let insertInteraction = try db.cachedStatement(sql: """
            INSERT INTO interactions (user_id, item_id, kind, value, timestamp) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING
            """)
        for index in Self.localityOrder(of: batch.interactions) {
            let interaction = batch.interactions[index]
            if let value = interaction.value, !value.isFinite {
                throw StoreError(.invalidValue, """
                    interaction \(index) (user \(interaction.user), item \(interaction.item), kind \
                    \(interaction.kind.rawValue)): value is \(value); expected a finite number
                    """)
            }
            try ensure(interaction.user)
            try ensure(interaction.item)
            try insertInteraction.execute(arguments: [
                interaction.user.rawValue, interaction.item.rawValue, interaction.kind.rawValue,
                interaction.value.map { Double($0) }, interaction.timestamp,
            ])
            summary.interactions += db.changesCount
        }
        let insertTag = try db.cachedStatement(sql: """
            INSERT INTO tags (user_id, item_id, text, timestamp) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING
            """)
        for tag in batch.tags {
            try ensure(tag.user)
            try ensure(tag.item)
            try insertTag.execute(arguments: [tag.user.rawValue, tag.item.rawValue, tag.text, tag.timestamp])
            summary.tags += db.changesCount
        }
        return summary
    }

    /// Positions of `interactions` sorted by user id, then item id: the order of the indexes they go
    /// into. Random inserts into an index larger than the CPU caches cost a cache miss per B-tree level;
    /// in index order, consecutive inserts touch the same pages (1M interactions: 9 s → 5 s). Sorting
    /// input that is already by user, as MovieLens files are, is linear.
    /// - Complexity: O(n log n) string comparisons, O(n) for sorted input.
    private static func localityOrder(of interactions: [Interaction]) -> [Int] {
        interactions.indices.sorted { a, b in
            let (x, y) = (interactions[a], interactions[b])
            return x.user != y.user ? x.user < y.user : x.item < y.item
        }
    }

    /// Inserts `item`, or replaces every field of the stored one but an empty tagline, overview or keywords.
    private mutating func upsert(_ item: Item) throws {
        let genres = StringListColumn.encode(item.genres), keywords = StringListColumn.encode(item.keywords)
        let arguments: StatementArguments = [
            item.title, item.year, genres, item.externalIDs.imdb, item.externalIDs.tmdb,
            item.externalIDs.movieLens, item.tagline, item.overview, keywords, item.id.rawValue,
        ]
        try db.cachedStatement(sql: """
            INSERT INTO items (title, year, genres, imdb_id, tmdb_id, movielens_id, tagline, overview, keywords, id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO NOTHING
            """).execute(arguments: arguments)
        if db.changesCount == 0 {
            try db.cachedStatement(sql: """
                UPDATE items SET title = ?1, year = ?2, genres = ?3, imdb_id = ?4, tmdb_id = ?5, movielens_id = ?6,
                    tagline = CASE WHEN ?7 = '' THEN tagline ELSE ?7 END,
                    overview = CASE WHEN ?8 = '' THEN overview ELSE ?8 END,
                    keywords = CASE WHEN ?9 = '\(StringListColumn.empty)' THEN keywords ELSE ?9 END
                WHERE id = ?10
                """).execute(arguments: arguments)
        } else {
            summary.items += 1
        }
        presentItems.insert(item.id)
    }

    /// Inserts `user`, or replaces every field of the stored one.
    private mutating func upsert(_ user: User) throws {
        let arguments: StatementArguments = [user.age, user.gender, user.occupation, user.id.rawValue]
        try db.cachedStatement(sql: """
            INSERT INTO users (age, gender, occupation, id) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING
            """).execute(arguments: arguments)
        if db.changesCount == 0 {
            try db.cachedStatement(sql: "UPDATE users SET age = ?, gender = ?, occupation = ? WHERE id = ?")
                .execute(arguments: arguments)
        } else {
            summary.users += 1
        }
        presentUsers.insert(user.id)
    }

    /// Creates `user` with empty details unless it exists.
    private mutating func ensure(_ user: UserID) throws {
        guard presentUsers.insert(user).inserted else { return }
        try db.cachedStatement(sql: "INSERT INTO users (id) VALUES (?) ON CONFLICT DO NOTHING")
            .execute(arguments: [user.rawValue])
        summary.users += db.changesCount
    }

    /// Creates `item` with an empty title and no details unless it exists; never touches an existing item.
    private mutating func ensure(_ item: ItemID) throws {
        guard presentItems.insert(item).inserted else { return }
        try db.cachedStatement(sql: "INSERT INTO items (id, title) VALUES (?, '') ON CONFLICT DO NOTHING")
            .execute(arguments: [item.rawValue])
        summary.items += db.changesCount
    }
}
