import Foundation
import Logging
import PostgresNIO
import RecCore
import RecStore

/// A ``Store`` in a PostgreSQL database, through postgres-nio's `PostgresClient` connection pool.
///
/// The pool needs a running task, so a store exists only inside ``with(_:logger:isolation:_:)``, which
/// connects once to check the server and migrate the schema (``PostgresSchema``), runs the pool beside
/// `body`, and closes every connection when `body` returns:
///
/// ```swift
/// let configuration = try PostgresStoreConfiguration(url: "postgres://marquee@127.0.0.1/marquee")
/// try await PostgresStore.with(configuration) { store in
///     try await store.write(StoreBatch(interactions: [Interaction(user: "1", item: "242", value: 3)]))
/// }
/// ```
///
/// Every statement is parameterised: values travel as binds, never inside the SQL text; the ones a serving replica runs
/// per request or poll are named prepared statements (`PostgresStore+PreparedStatements.swift`). Each
/// ``write(_:)`` is one transaction that streams its rows with `COPY … FROM STDIN` into temporary
/// tables and merges them into the real ones with set-based `INSERT … ON CONFLICT`. A transaction that
/// PostgreSQL aborts for a deadlock or serialization failure is retried (up to ``retries`` times), so
/// concurrent writers behave as SQLite's one-at-a-time writers do.
///
/// Every failure is a `StoreError` whose message names the operation and the database (without its
/// password), e.g. `cannot read interactions in PostgreSQL database postgres://marquee@127.0.0.1:5432/marquee: …`.
public final class PostgresStore: Store {
    /// How often a transaction aborted by a deadlock or serialization failure is tried again.
    public static let retries = 5

    /// Where the store is.
    public let configuration: PostgresStoreConfiguration

    let client: PostgresClient
    let logger: Logger

    private init(configuration: PostgresStoreConfiguration, client: PostgresClient, logger: Logger) {
        self.configuration = configuration
        self.client = client
        self.logger = logger
    }

    /// Connects to the database, migrates its schema, and runs `body` with a store on a connection pool
    /// that lives as long as `body` runs.
    ///
    /// - Parameters:
    ///   - configuration: server, database, schema and pool size.
    ///   - logger: receives postgres-nio's connection and query logs; by default only errors, because
    ///     postgres-nio warns when the first query is queued before the pool's task has started, which
    ///     is expected here and harmless (the query waits for the pool).
    ///   - body: uses the store; it must not keep it beyond its return.
    /// - Throws: `StoreError` `.openFailed` if the server cannot be reached or refuses the login,
    ///   `.migrationFailed` if the schema cannot be brought up to date; whatever `body` throws.
    public static func with<T: Sendable>(
        _ configuration: PostgresStoreConfiguration, logger: Logger = PostgresStore.defaultLogger,
        isolation: isolated (any Actor)? = #isolation, _ body: (PostgresStore) async throws -> T
    ) async throws -> T {
        try await migrate(configuration, logger: logger)
        let client = PostgresClient(configuration: clientConfiguration(configuration), backgroundLogger: logger)
        let store = PostgresStore(configuration: configuration, client: client, logger: logger)
        return try await withThrowingTaskGroup(of: Void.self, returning: T.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            return try await body(store)
        }
    }

    /// postgres-nio's logs at `error` level and above.
    public static var defaultLogger: Logger {
        var logger = Logger(label: "marquee.postgres")
        logger.logLevel = .error
        return logger
    }

    /// Connects to the server and disconnects, to tell whether it answers and accepts the login.
    /// - Throws: `StoreError` `.openFailed` naming the database and the reason.
    public static func checkConnection(_ configuration: PostgresStoreConfiguration,
                                       logger: Logger = PostgresStore.defaultLogger) async throws {
        try await connect(configuration, logger: logger).close()
    }

    private static func connect(_ configuration: PostgresStoreConfiguration, logger: Logger) async throws -> PostgresConnection {
        do {
            return try await PostgresConnection.connect(configuration: try connectionConfiguration(configuration),
                                                        id: 0, logger: logger)
        } catch {
            throw StoreError(.openFailed, "cannot connect to PostgreSQL database \(configuration.description): \(reason(error))",
                             underlying: error)
        }
    }

    /// Opens one connection, creates the schema if named and missing, and applies pending migrations.
    private static func migrate(_ configuration: PostgresStoreConfiguration, logger: Logger) async throws {
        let connection = try await connect(configuration, logger: logger)
        do {
            try await PostgresSchema.migrate(connection, schema: configuration.schema, logger: logger)
            try await connection.close()
        } catch {
            try? await connection.close()
            throw StoreError(.migrationFailed, "cannot migrate PostgreSQL database \(configuration.description): \(reason(error))",
                             underlying: error)
        }
    }

    private static func tls(_ mode: PostgresStoreConfiguration.TLSMode) throws -> PostgresConnection.Configuration.TLS {
        switch mode {
        case .disable: .disable
        case .prefer: .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
        case .require: .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
        }
    }

    /// `search_path` set at login, so unqualified table names resolve to the configured schema.
    private static func startupParameters(_ configuration: PostgresStoreConfiguration) -> [(String, String)] {
        configuration.schema.map { [("search_path", PostgresSchema.quoted($0))] } ?? []
    }

    private static func connectionConfiguration(_ configuration: PostgresStoreConfiguration) throws -> PostgresConnection.Configuration {
        var result = PostgresConnection.Configuration(
            host: configuration.host, port: configuration.port, username: configuration.username,
            password: configuration.password, database: configuration.database, tls: try tls(configuration.tls))
        result.options.connectTimeout = .milliseconds(Int64(configuration.connectTimeoutSeconds * 1000))
        result.options.additionalStartupParameters = startupParameters(configuration)
        return result
    }

    private static func clientConfiguration(_ configuration: PostgresStoreConfiguration) -> PostgresClient.Configuration {
        let tls: PostgresClient.Configuration.TLS = switch configuration.tls {
        case .disable: .disable
        case .prefer: .prefer(.makeClientConfiguration())
        case .require: .require(.makeClientConfiguration())
        }
        var result = PostgresClient.Configuration(
            host: configuration.host, port: configuration.port, username: configuration.username,
            password: configuration.password, database: configuration.database, tls: tls)
        result.options.connectTimeout = .milliseconds(Int64(configuration.connectTimeoutSeconds * 1000))
        result.options.additionalStartupParameters = startupParameters(configuration)
        result.options.maximumConnections = configuration.maximumConnections
        return result
    }

    /// Drops the configured schema with every table in it; for tests and teardown of a throwaway
    /// schema. Does nothing when no schema is configured, so it never drops `public`.
    package func dropSchema() async throws {
        guard let schema = configuration.schema else { return }
        try await autocommit("drop schema \(schema)") { [logger] connection in
            try await connection.query("DROP SCHEMA IF EXISTS \(unescaped: PostgresSchema.quoted(schema)) CASCADE", logger: logger)
        }
    }

    /// The identifiers in `schema_migrations`, sorted; for tests of the migrations.
    package func appliedMigrations() async throws -> [String] {
        try await autocommit("read migrations") { [logger] connection in
            var identifiers: [String] = []
            for try await identifier in try await connection.query("SELECT identifier FROM schema_migrations ORDER BY identifier",
                                                                   logger: logger).decode(String.self) {
                identifiers.append(identifier)
            }
            return identifiers
        }
    }

    /// Runs `body` in one transaction on a pooled connection, retrying it when PostgreSQL aborts it for
    /// a deadlock (`40P01`) or serialization failure (`40001`); any failure becomes a `StoreError` naming
    /// `operation` and the database.
    func transaction<T: Sendable>(_ operation: String, _ body: (PostgresConnection) async throws -> T) async throws -> T {
        var attempt = 0
        while true {
            attempt += 1
            do {
                return try await client.withConnection { connection in
                    try await connection.query("BEGIN", logger: logger)
                    do {
                        let result = try await body(connection)
                        try await connection.query("COMMIT", logger: logger)
                        return result
                    } catch {
                        try? await connection.query("ROLLBACK", logger: logger)
                        throw error
                    }
                }
            } catch let error as PSQLError where attempt <= Self.retries && Self.isTransient(error) {
                logger.debug("retrying \(operation) after \(Self.reason(error))")
                continue
            } catch {
                throw wrap(error, operation)
            }
        }
    }

    /// Runs `body` on a pooled connection outside an explicit transaction (each statement commits on
    /// its own); any failure becomes a `StoreError` naming `operation` and the database.
    func autocommit<T: Sendable>(_ operation: String, _ body: (PostgresConnection) async throws -> T) async throws -> T {
        do {
            return try await client.withConnection { connection in try await body(connection) }
        } catch {
            throw wrap(error, operation)
        }
    }

    private static func isTransient(_ error: PSQLError) -> Bool {
        let state = error.serverInfo?[.sqlState]
        return state == "40P01" || state == "40001"
    }

    private func wrap(_ error: any Error, _ operation: String) -> StoreError {
        if var error = error as? StoreError {
            error.message = "cannot \(operation) in PostgreSQL database \(configuration.description): \(error.message)"
            return error
        }
        return StoreError(.backend, "cannot \(operation) in PostgreSQL database \(configuration.description): \(Self.reason(error))",
                          underlying: error)
    }

    /// The server's explanation of `error` (message and SQLSTATE), or postgres-nio's error code.
    static func reason(_ error: any Error) -> String {
        guard let error = error as? PSQLError else { return String(describing: error) }
        if let message = error.serverInfo?[.message] {
            return "\(message) (SQLSTATE \(error.serverInfo?[.sqlState] ?? "?"))"
        }
        if let underlying = error.underlying { return "\(error.code): \(underlying)" }
        return "\(error.code)"
    }
}
