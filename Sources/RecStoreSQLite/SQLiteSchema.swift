import GRDB

/// The SQLite schema of ``SQLiteStore``, as a list of named migrations applied in order.
///
/// Version `v1`:
///
/// - `users(id, age, gender, occupation)`: coarse demographics only; zip codes and any other
///   identifying field are never stored.
/// - `items(id, title, year, genres, imdb_id, tmdb_id, movielens_id)`: `genres` is a JSON array of
///   strings (`["Animation","Comedy"]`, `[]` when unknown), so any genre name survives and SQLite's
///   `json_each` can query it. An item created only because an interaction or tag names it has
///   `title = ''` (empty, not a made-up title), `year` and external ids `NULL` and `genres = '[]'`.
/// - `interactions(id, user_id, item_id, kind, value, timestamp)`: `kind` is
///   `InteractionKind.rawValue`, `timestamp` Unix seconds or `NULL`. The event identity
///   (user, item, kind, timestamp) is the unique index `interactions_identity` on
///   `(user_id, item_id, kind, IFNULL(timestamp, ''))`. SQLite treats `NULL`s in a unique index as
///   distinct, so the index maps an unknown timestamp to the text `''`, which equals itself but no
///   integer: two events without a timestamp collide, a missing timestamp never collides with a real
///   one (not even `-1` or `0`). `interactions_by_user(user_id, timestamp, item_id, kind)` serves the
///   by-user reads in their documented order (SQLite sorts `NULL` first, and `kind` breaks the
///   remaining ties) without a sort step. Both indexes lead with `user_id`, so a batch written in user
///   order touches both locally. There is deliberately no index by item: no ``SQLiteStore`` read
///   filters by item and nothing deletes items, and maintaining one costs about 2 s per million
///   inserted rows (4.5 s → 6.4 s); a later migration adds it with the first query that needs it.
/// - `tags(id, user_id, item_id, text, timestamp)`: deduplicated the same way by `tags_identity` on
///   `(user_id, item_id, text, IFNULL(timestamp, ''))`, read through `tags_by_user`.
/// - `metadata(key, value)`: free-form settings such as the data set's rating scale.
/// - `models(name, version, created_at, hyperparameters, data_fingerprint, metrics, payload)`:
///   `created_at` is Unix seconds as REAL, `metrics` a JSON object of numbers.
///
/// Version `v2` adds `api_keys(id, role, digest, label, created_at, revoked_at)`: `digest` is the
/// SHA-256 of the key (the key itself is never stored), `role` an `APIKeyRole.rawValue`, times Unix
/// seconds as REAL, `revoked_at` `NULL` while the key is valid.
///
/// Version `v3` adds the items' descriptive text: `tagline` and `overview` (`''` when unknown) and `keywords`
/// (a JSON array of strings like `genres`, `'[]'` when unknown).
///
/// Foreign keys are enforced (GRDB turns them on for every connection).
enum SQLiteSchema {
    /// The migrator that brings any older database up to the current schema.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1", migrate: createVersion1)
        migrator.registerMigration("v2", migrate: addAPIKeys)
        migrator.registerMigration("v3", migrate: addItemDescriptions)
        return migrator
    }

    private static func createVersion1(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE users (
                id TEXT PRIMARY KEY NOT NULL,
                age INTEGER,
                gender TEXT,
                occupation TEXT
            );
            CREATE TABLE items (
                id TEXT PRIMARY KEY NOT NULL,
                title TEXT NOT NULL,
                year INTEGER,
                genres TEXT NOT NULL DEFAULT '[]',
                imdb_id TEXT,
                tmdb_id INTEGER,
                movielens_id INTEGER
            );
            CREATE TABLE interactions (
                id INTEGER PRIMARY KEY,
                user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                item_id TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
                kind TEXT NOT NULL,
                value REAL,
                timestamp INTEGER
            );
            CREATE UNIQUE INDEX interactions_identity
                ON interactions(user_id, item_id, kind, IFNULL(timestamp, ''));
            CREATE INDEX interactions_by_user ON interactions(user_id, timestamp, item_id, kind);
            CREATE TABLE tags (
                id INTEGER PRIMARY KEY,
                user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                item_id TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
                text TEXT NOT NULL,
                timestamp INTEGER
            );
            CREATE UNIQUE INDEX tags_identity ON tags(user_id, item_id, text, IFNULL(timestamp, ''));
            CREATE INDEX tags_by_user ON tags(user_id, timestamp, item_id, text);
            CREATE TABLE metadata (
                key TEXT PRIMARY KEY NOT NULL,
                value TEXT NOT NULL
            );
            CREATE TABLE models (
                name TEXT NOT NULL,
                version INTEGER NOT NULL,
                created_at REAL NOT NULL,
                hyperparameters BLOB NOT NULL,
                data_fingerprint TEXT NOT NULL,
                metrics TEXT NOT NULL,
                payload BLOB NOT NULL,
                PRIMARY KEY (name, version)
            );
            """)
    }

    private static func addAPIKeys(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE api_keys (
                id TEXT PRIMARY KEY NOT NULL,
                role TEXT NOT NULL,
                digest BLOB NOT NULL,
                label TEXT NOT NULL DEFAULT '',
                created_at REAL NOT NULL,
                revoked_at REAL
            );
            """)
    }

    private static func addItemDescriptions(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE items ADD COLUMN tagline TEXT NOT NULL DEFAULT '';
            ALTER TABLE items ADD COLUMN overview TEXT NOT NULL DEFAULT '';
            ALTER TABLE items ADD COLUMN keywords TEXT NOT NULL DEFAULT '[]';
            """)
    }
}
