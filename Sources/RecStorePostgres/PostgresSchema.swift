import Logging
import PostgresNIO

/// The PostgreSQL schema of ``PostgresStore``: the same tables and migration names (`v1`, `v2`, `v3`) as
/// `SQLiteSchema`, with PostgreSQL types.
///
/// Applied migrations are recorded in `schema_migrations(identifier)`. Migrating takes a transaction-level
/// advisory lock keyed by the schema name, so replicas starting together migrate once.
///
/// Differences from SQLite, each keeping the store's documented behaviour:
///
/// - Text columns use `COLLATE "C"`: ids and texts sort by bytes, as in SQLite (`"10" < "9" < "a"`),
///   whatever the database's locale.
/// - Event identity needs a missing timestamp to equal itself but no number. Each of `interactions` and
///   `tags` has two partial unique indexes: one over the columns with the timestamp where it is known,
///   one without it where it is `NULL`.
/// - Reads order by `timestamp NULLS FIRST` (PostgreSQL puts `NULL` last by default); the by-user
///   indexes are built in that order.
/// - `value` is `DOUBLE PRECISION`, times in `models` and `api_keys` are Unix seconds as
///   `DOUBLE PRECISION`, and binary columns are `BYTEA`. `genres` and `keywords` are JSON arrays as text, as in SQLite.
enum PostgresSchema {
    /// The migrations, in order: identifier and SQL.
    static let migrations: [(identifier: String, sql: String)] = [
        ("v1", """
            CREATE TABLE users (
                id TEXT COLLATE "C" PRIMARY KEY,
                age BIGINT,
                gender TEXT,
                occupation TEXT
            );
            CREATE TABLE items (
                id TEXT COLLATE "C" PRIMARY KEY,
                title TEXT NOT NULL,
                year BIGINT,
                genres TEXT NOT NULL DEFAULT '[]',
                imdb_id TEXT,
                tmdb_id BIGINT,
                movielens_id BIGINT
            );
            CREATE TABLE interactions (
                id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                user_id TEXT COLLATE "C" NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                item_id TEXT COLLATE "C" NOT NULL REFERENCES items(id) ON DELETE CASCADE,
                kind TEXT COLLATE "C" NOT NULL,
                value DOUBLE PRECISION,
                timestamp BIGINT
            );
            CREATE UNIQUE INDEX interactions_identity ON interactions(user_id, item_id, kind, timestamp)
                WHERE timestamp IS NOT NULL;
            CREATE UNIQUE INDEX interactions_identity_untimed ON interactions(user_id, item_id, kind)
                WHERE timestamp IS NULL;
            CREATE INDEX interactions_by_user ON interactions(user_id, timestamp NULLS FIRST, item_id, kind);
            CREATE TABLE tags (
                id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                user_id TEXT COLLATE "C" NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                item_id TEXT COLLATE "C" NOT NULL REFERENCES items(id) ON DELETE CASCADE,
                text TEXT COLLATE "C" NOT NULL,
                timestamp BIGINT
            );
            CREATE UNIQUE INDEX tags_identity ON tags(user_id, item_id, text, timestamp) WHERE timestamp IS NOT NULL;
            CREATE UNIQUE INDEX tags_identity_untimed ON tags(user_id, item_id, text) WHERE timestamp IS NULL;
            CREATE INDEX tags_by_user ON tags(user_id, timestamp NULLS FIRST, item_id, text);
            CREATE TABLE metadata (
                key TEXT PRIMARY KEY,
                value TEXT NOT NULL
            );
            CREATE TABLE models (
                name TEXT NOT NULL,
                version BIGINT NOT NULL,
                created_at DOUBLE PRECISION NOT NULL,
                hyperparameters BYTEA NOT NULL,
                data_fingerprint TEXT NOT NULL,
                metrics TEXT NOT NULL,
                payload BYTEA NOT NULL,
                PRIMARY KEY (name, version)
            );
            """),
        ("v2", """
            CREATE TABLE api_keys (
                id TEXT COLLATE "C" PRIMARY KEY,
                role TEXT NOT NULL,
                digest BYTEA NOT NULL,
                label TEXT NOT NULL DEFAULT '',
                created_at DOUBLE PRECISION NOT NULL,
                revoked_at DOUBLE PRECISION
            );
            """),
        ("v3", """
            ALTER TABLE items ADD COLUMN tagline TEXT NOT NULL DEFAULT '';
            ALTER TABLE items ADD COLUMN overview TEXT NOT NULL DEFAULT '';
            ALTER TABLE items ADD COLUMN keywords TEXT NOT NULL DEFAULT '[]'
            """),
    ]

    /// Creates `schema` if it is named and missing, then applies every migration not yet recorded, all in
    /// one transaction under an advisory lock.
    static func migrate(_ connection: PostgresConnection, schema: String?, logger: Logger) async throws {
        try await connection.query("BEGIN", logger: logger)
        do {
            let lockName = "marquee.migrate:\(schema ?? "")"
            try await connection.query("SELECT pg_advisory_xact_lock(hashtext(\(lockName)))", logger: logger)
            if let schema {
                try await connection.query("CREATE SCHEMA IF NOT EXISTS \(unescaped: quoted(schema))", logger: logger)
            }
            try await connection.query("CREATE TABLE IF NOT EXISTS schema_migrations (identifier TEXT PRIMARY KEY)",
                                       logger: logger)
            var applied: Set<String> = []
            for try await identifier in try await connection.query("SELECT identifier FROM schema_migrations", logger: logger)
                .decode(String.self) {
                applied.insert(identifier)
            }
            for migration in migrations where !applied.contains(migration.identifier) {
                // The extended query protocol takes one statement at a time; the SQL above has no `;` in literals.
                for statement in migration.sql.split(separator: ";") where !statement.allSatisfy(\.isWhitespace) {
                    try await connection.query("\(unescaped: String(statement))", logger: logger)
                }
                try await connection.query("INSERT INTO schema_migrations (identifier) VALUES (\(migration.identifier))",
                                           logger: logger)
            }
            try await connection.query("COMMIT", logger: logger)
        } catch {
            try? await connection.query("ROLLBACK", logger: logger)
            throw error
        }
    }

    /// `name` as a quoted SQL identifier: `my"schema` → `"my""schema"`.
    static func quoted(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
