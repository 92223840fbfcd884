import Foundation
import GRDB
import RecCore
import RecStore

/// A ``Store`` in one SQLite database, through GRDB.
///
/// A file store uses a `DatabasePool` in WAL mode: reads run concurrently with each other and with
/// the one writer. Each ``write(_:)`` is one `IMMEDIATE` transaction; a connection that finds the
/// database locked by another process waits up to ``busyTimeout`` before failing. The schema is
/// described in `SQLiteSchema` and migrated on open.
///
/// ```swift
/// let store = try SQLiteStore(path: "marquee.sqlite")
/// try await store.write(StoreBatch(interactions: [Interaction(user: "1", item: "242", value: 3)]))
/// ```
///
/// Every failure is a `StoreError` whose message names the operation and the database path, e.g.
/// `cannot open database at ./x.sqlite: unable to open database file`.
public struct SQLiteStore: Store {
    /// How long a connection waits for another connection's lock before failing with `SQLITE_BUSY`.
    public static let busyTimeout: TimeInterval = 5

    /// Page cache of each connection, in KiB (SQLite's default is 2 MiB). Index inserts land at
    /// random places in the identity and by-user indexes; with the default cache a million-row batch
    /// spends most of its time re-reading evicted index pages.
    static let cacheKibibytes = 65_536

    /// When SQLite waits for the disk (`PRAGMA synchronous`), in WAL mode.
    ///
    /// Both keep the database consistent and keep every committed transaction when the process dies
    /// (`CrashRecoveryTests` kills the server with SIGKILL); they differ on an operating-system crash or power
    /// loss, where ``normal`` may lose the last commits and ``full`` loses none, at the cost of a sync per
    /// commit (the README's durability row has the measured feedback events per second of each).
    public enum Synchronous: String, Sendable, Codable, CaseIterable {
        /// Sync at WAL checkpoints only (the default).
        case normal
        /// Sync the WAL on every commit.
        case full

        /// The setting named by `text` (`normal` or `full`, any case), as `MARQUEE_SQLITE_SYNCHRONOUS` gives it.
        public init?(setting text: String) { self.init(rawValue: text.lowercased()) }
    }

    /// The database file, or `:memory:` for ``inMemory()``.
    public let path: String

    let database: any DatabaseWriter

    /// Opens (creating if needed) the database file at `path` and migrates it to the current schema.
    ///
    /// - Parameters:
    ///   - path: the SQLite file; its directory must exist.
    ///   - synchronous: when commits wait for the disk.
    /// - Throws: `StoreError` `.openFailed` if the file cannot be opened or is not a database,
    ///   `.migrationFailed` if the schema cannot be brought up to date.
    public init(path: String, synchronous: Synchronous = .normal) throws {
        let database: DatabasePool
        do {
            database = try DatabasePool(path: path, configuration: Self.configuration)
            // GRDB sets `synchronous = NORMAL` on the pool's one writer connection when it turns WAL on, after
            // `prepareDatabase`; readers never write, so the writer's setting is the one that counts.
            try database.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA synchronous = \(synchronous.rawValue.uppercased())")
            }
        } catch {
            throw StoreError(.openFailed, "cannot open database at \(path): \(Self.reason(error))", underlying: error)
        }
        try self.init(path: path, database: database)
    }

    /// A fresh, empty store that lives in memory until the value is dropped; for tests.
    ///
    /// - Throws: `StoreError` if SQLite cannot create the database or its schema.
    public static func inMemory() throws -> SQLiteStore {
        let path = ":memory:"
        let database: DatabaseQueue
        do {
            database = try DatabaseQueue(configuration: configuration)
        } catch {
            throw StoreError(.openFailed, "cannot open database at \(path): \(reason(error))", underlying: error)
        }
        return try SQLiteStore(path: path, database: database)
    }

    private init(path: String, database: any DatabaseWriter) throws {
        self.path = path
        self.database = database
        do {
            try SQLiteSchema.migrator.migrate(database)
        } catch {
            throw StoreError(.migrationFailed, "cannot migrate database at \(path): \(Self.reason(error))",
                             underlying: error)
        }
    }

    private static var configuration: Configuration {
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA cache_size = -\(cacheKibibytes)")
        }
        return configuration
    }

    /// Runs `body` in one write transaction, turning any failure into a `StoreError` that names
    /// `operation` and the database.
    func write<T: Sendable>(_ operation: String, _ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await database.write(body)
        } catch {
            throw wrap(error, operation)
        }
    }

    /// Runs `body` with read access, turning any failure into a `StoreError` that names `operation`
    /// and the database.
    func read<T: Sendable>(_ operation: String, _ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await database.read(body)
        } catch {
            throw wrap(error, operation)
        }
    }

    private func wrap(_ error: any Error, _ operation: String) -> StoreError {
        if var error = error as? StoreError {
            error.message = "cannot \(operation) in database at \(path): \(error.message)"
            return error
        }
        return StoreError(.backend, "cannot \(operation) in database at \(path): \(Self.reason(error))", underlying: error)
    }

    /// SQLite's own explanation of `error`, without GRDB's restatement of the SQL.
    private static func reason(_ error: any Error) -> String {
        (error as? DatabaseError)?.message ?? String(describing: error)
    }
}
