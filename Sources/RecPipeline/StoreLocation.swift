import Foundation
import RecStore
import RecStorePostgres
import RecStoreSQLite

/// Which ``Store`` a command or the server uses, chosen by the text of `--database` or `MARQUEE_DATABASE_URL`:
/// a `postgres://` (or `postgresql://`) URL names a PostgreSQL database, anything else a SQLite file.
///
/// Every command opens its store through ``withStore(isolation:_:)``, so choosing PostgreSQL changes nothing
/// else:
///
/// ```swift
/// let location = try StoreLocation.configured(flag: "postgres://marquee@127.0.0.1/marquee")
/// try await location.withStore { store in try await Importing.run(folder, format: nil, strict: false, store: store) }
/// ```
public enum StoreLocation: Sendable, Equatable, CustomStringConvertible {
    /// A SQLite database file (created if missing; its directory must exist).
    case sqlite(path: String)
    /// A PostgreSQL database.
    case postgres(PostgresStoreConfiguration)

    /// The SQLite file used when neither a flag nor `MARQUEE_DATABASE_URL` names a database.
    public static let defaultPath = "marquee.sqlite"

    /// Parses `text`: a PostgreSQL URL or a SQLite path.
    /// - Throws: `StoreError` `.invalidValue` for a malformed `postgres://` URL, naming the wrong part.
    public init(_ text: String) throws {
        self = PostgresStoreConfiguration.isURL(text) ? .postgres(try PostgresStoreConfiguration(url: text)) : .sqlite(path: text)
    }

    /// The database a command uses: `flag` if given, else `MARQUEE_DATABASE_URL` if set and not empty,
    /// else ``defaultPath``.
    /// - Throws: `StoreError` `.invalidValue` for a malformed `postgres://` URL.
    public static func configured(flag: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> StoreLocation {
        if let flag { return try StoreLocation(flag) }
        if let url = environment["MARQUEE_DATABASE_URL"], !url.isEmpty { return try StoreLocation(url) }
        return .sqlite(path: defaultPath)
    }

    /// The SQLite path, or the PostgreSQL URL without its password.
    public var description: String {
        switch self {
        case .sqlite(let path): path
        case .postgres(let configuration): configuration.description
        }
    }

    /// Opens the store, runs `body` with it, and closes it when `body` returns.
    ///
    /// A SQLite store is opened (and migrated) on the file; a PostgreSQL store connects, migrates and runs
    /// its connection pool for as long as `body` runs.
    /// - Throws: `StoreError` if the store cannot be opened or migrated; whatever `body` throws.
    public func withStore<T: Sendable>(isolation: isolated (any Actor)? = #isolation,
                                       _ body: (any Store) async throws -> T) async throws -> T {
        switch self {
        case .sqlite(let path):
            return try await body(try SQLiteStore(path: path))
        case .postgres(let configuration):
            return try await PostgresStore.with(configuration) { store in try await body(store) }
        }
    }
}
