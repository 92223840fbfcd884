import Foundation
import Logging
import PostgresNIO
import RecCore
import RecStore

/// Writes one ``StoreBatch`` inside a transaction the caller opened on `connection`, counting the rows it adds.
///
/// Each non-empty part of the batch is streamed with `COPY … FROM STDIN` (text format) into a temporary
/// staging table (`ON COMMIT DELETE ROWS`, created once per connection), then merged into its table by
/// one set-based statement: items and users upserted (the batch's last row per id wins, as in SQLite's
/// row-by-row upserts), users and items named by events created with empty details, interactions and
/// tags inserted unless present. Every merge inserts in index order, so concurrent writers take row
/// locks in the same order. A staging row's `ord` is its position in the batch, which keeps "first
/// written wins" for repeated events and "last wins" for repeated items.
struct PostgresBatchWriter {
    let connection: PostgresConnection
    let logger: Logger

    /// Rejects values the store cannot keep before anything is sent.
    /// - Throws: `StoreError` `.invalidValue` naming the first non-finite interaction value.
    static func validate(_ batch: StoreBatch) throws {
        for (index, interaction) in batch.interactions.enumerated() {
            if let value = interaction.value, !value.isFinite {
                throw StoreError(.invalidValue, """
                    interaction \(index) (user \(interaction.user), item \(interaction.item), kind \
                    \(interaction.kind.rawValue)): value is \(value); expected a finite number
                    """)
            }
        }
    }

    /// Writes `batch`, which ``validate(_:)`` accepted.
    /// - Returns: how many rows of each table were new.
    func write(_ batch: StoreBatch) async throws -> StoreWriteSummary {
        var summary = StoreWriteSummary()
        if !batch.items.isEmpty {
            try await stage("staging_items", """
                ord BIGINT, id TEXT COLLATE "C", title TEXT, year BIGINT, genres TEXT, imdb_id TEXT, tmdb_id BIGINT, \
                movielens_id BIGINT, tagline TEXT, overview TEXT, keywords TEXT
                """, rows: batch.items) { rows, ord, item in
                rows.append(ord)
                rows.append(item.id.rawValue)
                rows.append(item.title)
                rows.append(item.year)
                rows.append(StringListColumn.encode(item.genres))
                rows.append(item.externalIDs.imdb)
                rows.append(item.externalIDs.tmdb)
                rows.append(item.externalIDs.movieLens)
                rows.append(item.tagline)
                rows.append(item.overview)
                rows.append(StringListColumn.encode(item.keywords))
            }
            summary.items += try await count("""
                WITH latest AS (SELECT DISTINCT ON (id) * FROM staging_items ORDER BY id, ord DESC),
                upserted AS (
                    INSERT INTO items (id, title, year, genres, imdb_id, tmdb_id, movielens_id, tagline, overview, keywords)
                    SELECT id, title, year, genres, imdb_id, tmdb_id, movielens_id, tagline, overview, keywords
                    FROM latest ORDER BY id
                    ON CONFLICT (id) DO UPDATE SET title = excluded.title, year = excluded.year, genres = excluded.genres,
                        imdb_id = excluded.imdb_id, tmdb_id = excluded.tmdb_id, movielens_id = excluded.movielens_id,
                        tagline = CASE WHEN excluded.tagline = '' THEN items.tagline ELSE excluded.tagline END,
                        overview = CASE WHEN excluded.overview = '' THEN items.overview ELSE excluded.overview END,
                        keywords = CASE WHEN excluded.keywords = '[]' THEN items.keywords ELSE excluded.keywords END
                    RETURNING xmax = 0 AS inserted)
                SELECT count(*) FILTER (WHERE inserted) FROM upserted
                """)
        }
        if !batch.users.isEmpty {
            try await stage("staging_users", #"ord BIGINT, id TEXT COLLATE "C", age BIGINT, gender TEXT, occupation TEXT"#,
                            rows: batch.users) { rows, ord, user in
                rows.append(ord)
                rows.append(user.id.rawValue)
                rows.append(user.age)
                rows.append(user.gender)
                rows.append(user.occupation)
            }
            summary.users += try await count("""
                WITH latest AS (SELECT DISTINCT ON (id) * FROM staging_users ORDER BY id, ord DESC),
                upserted AS (
                    INSERT INTO users (id, age, gender, occupation)
                    SELECT id, age, gender, occupation FROM latest ORDER BY id
                    ON CONFLICT (id) DO UPDATE SET age = excluded.age, gender = excluded.gender, occupation = excluded.occupation
                    RETURNING xmax = 0 AS inserted)
                SELECT count(*) FILTER (WHERE inserted) FROM upserted
                """)
        }
        guard !batch.interactions.isEmpty || !batch.tags.isEmpty else { return summary }
        try await stage("staging_interactions", #"ord BIGINT, user_id TEXT COLLATE "C", item_id TEXT COLLATE "C", kind TEXT COLLATE "C", value DOUBLE PRECISION, timestamp BIGINT"#,
                        rows: batch.interactions) { rows, ord, interaction in
            rows.append(ord)
            rows.append(interaction.user.rawValue)
            rows.append(interaction.item.rawValue)
            rows.append(interaction.kind.rawValue)
            rows.append(interaction.value.map(Double.init))
            rows.append(interaction.timestamp)
        }
        try await stage("staging_tags", #"ord BIGINT, user_id TEXT COLLATE "C", item_id TEXT COLLATE "C", text TEXT COLLATE "C", timestamp BIGINT"#,
                        rows: batch.tags) { rows, ord, tag in
            rows.append(ord)
            rows.append(tag.user.rawValue)
            rows.append(tag.item.rawValue)
            rows.append(tag.text)
            rows.append(tag.timestamp)
        }
        summary.users += try await count("""
            WITH inserted AS (
                INSERT INTO users (id)
                SELECT user_id FROM staging_interactions UNION SELECT user_id FROM staging_tags ORDER BY 1
                ON CONFLICT DO NOTHING RETURNING 1)
            SELECT count(*) FROM inserted
            """)
        summary.items += try await count("""
            WITH inserted AS (
                INSERT INTO items (id, title)
                SELECT item_id, '' FROM (SELECT item_id FROM staging_interactions UNION SELECT item_id FROM staging_tags) named
                ORDER BY 1
                ON CONFLICT DO NOTHING RETURNING 1)
            SELECT count(*) FROM inserted
            """)
        summary.interactions += try await count("""
            WITH inserted AS (
                INSERT INTO interactions (user_id, item_id, kind, value, timestamp)
                SELECT user_id, item_id, kind, value, timestamp FROM staging_interactions ORDER BY user_id, item_id, ord
                ON CONFLICT DO NOTHING RETURNING 1)
            SELECT count(*) FROM inserted
            """)
        summary.tags += try await count("""
            WITH inserted AS (
                INSERT INTO tags (user_id, item_id, text, timestamp)
                SELECT user_id, item_id, text, timestamp FROM staging_tags ORDER BY user_id, item_id, ord
                ON CONFLICT DO NOTHING RETURNING 1)
            SELECT count(*) FROM inserted
            """)
        return summary
    }

    /// Creates the temporary table `table` with `columns` if this connection lacks it, and copies `rows`
    /// into it, encoded by `encode`, in chunks of about ``CopyTextRows/chunkBytes``.
    private func stage<Row>(_ table: String, _ columns: String, rows: [Row],
                            _ encode: (inout CopyTextRows, Int, Row) throws -> Void) async throws {
        try await connection.query("""
            CREATE TEMPORARY TABLE IF NOT EXISTS \(unescaped: table) (\(unescaped: columns)) ON COMMIT DELETE ROWS
            """, logger: logger)
        guard !rows.isEmpty else { return }
        try await connection.copyFrom(table: table, logger: logger) { writer in
            var text = CopyTextRows()
            for (ord, row) in rows.enumerated() {
                try encode(&text, ord, row)
                text.endRow()
                if text.isFull { try await writer.write(text.take()) }
            }
            if !text.isEmpty { try await writer.write(text.take()) }
        }
    }

    /// Runs `sql`, which returns one row holding one count.
    private func count(_ sql: PostgresQuery) async throws -> Int {
        var result = 0
        for try await count in try await connection.query(sql, logger: logger).decode(Int.self) { result = count }
        return result
    }
}
