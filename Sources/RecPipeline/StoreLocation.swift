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
    /// A SQLite database file (created if missing; its directory must exist), with its sync setting.
    case sqlite(path: String, synchronous: SQLiteStore.Synchronous = .normal)
    /// A PostgreSQL database.
    case postgres(PostgresStoreConfiguration)

    /// The SQLite file used when neither a flag nor `MARQUEE_DATABASE_URL` names a database.
    public static let defaultPath = "marquee.sqlite"

    /// Parses `text`: a PostgreSQL URL or a SQLite path.
    /// - Throws: `StoreError` `.invalidValue` for a malformed `postgres://` URL, naming the wrong part.
    public init(_ text: String, synchronous: SQLiteStore.Synchronous = .normal) throws {
        self = PostgresStoreConfiguration.isURL(text) ? .postgres(try PostgresStoreConfiguration(url: text))
            : .sqlite(path: text, synchronous: synchronous)
    }

    /// The database a command uses: `flag` if given, else `MARQUEE_DATABASE_URL` if set and not empty,
    /// else ``defaultPath``; a SQLite store syncs as `MARQUEE_SQLITE_SYNCHRONOUS` says (`normal`, the default,
    /// or `full`).
    /// - Throws: `StoreError` `.invalidValue` for a malformed `postgres://` URL or synchronous setting.
    public static func configured(flag: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> StoreLocation {
        var synchronous = SQLiteStore.Synchronous.normal
        if let text = environment["MARQUEE_SQLITE_SYNCHRONOUS"], !text.isEmpty {
            guard let setting = SQLiteStore.Synchronous(setting: text) else {
                throw StoreError(.invalidValue, "MARQUEE_SQLITE_SYNCHRONOUS is '\(text)'; expected normal or full")
            }
            synchronous = setting
        }
        if let flag { return try StoreLocation(flag, synchronous: synchronous) }
        if let url = environment["MARQUEE_DATABASE_URL"], !url.isEmpty { return try StoreLocation(url) }
        return .sqlite(path: defaultPath, synchronous: synchronous)
    }

    /// The SQLite path, or the PostgreSQL URL without its password.
    public var description: String {
        switch self {
        case .sqlite(let path, let synchronous): synchronous == .normal ? path : "\(path) (synchronous \(synchronous.rawValue))"
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
        case .sqlite(let path, let synchronous):
            return try await body(try SQLiteStore(path: path, synchronous: synchronous))
        case .postgres(let configuration):
            return try await PostgresStore.with(configuration) { store in try await body(store) }
        }
    }
}
