import Foundation
import RecStorePostgres
import Testing

/// The PostgreSQL server that tests of the PostgreSQL store use: `MARQUEE_DATABASE_URL`.
///
/// Each test gets a schema of its own (``freshURL()`` adds `?schema=marquee_test_<random>`), so tests run in
/// parallel on one database without seeing each other's rows. A test that needs the server declares
/// ``Testing/Trait/requiresPostgres``: outside CI it is skipped with a message when the variable is unset or
/// the server does not answer; under `CI=true`, where `scripts/test` starts a server, it always runs, so a
/// missing server fails it.
public enum PostgresTestDatabase {
    /// `MARQUEE_DATABASE_URL`, or `nil` when it is unset or empty.
    public static var url: String? {
        guard let url = ProcessInfo.processInfo.environment["MARQUEE_DATABASE_URL"], !url.isEmpty else { return nil }
        return url
    }

    /// The skip message: what is missing and how to provide it.
    public static let skipMessage: Comment = """
        PostgreSQL tests skipped: MARQUEE_DATABASE_URL is unset or its server does not answer; set \
        MARQUEE_DATABASE_URL=postgres://user@127.0.0.1:5432/database to run them (CI=true scripts/test starts one)
        """

    /// Whether PostgreSQL tests should run: always under CI; otherwise when the URL is set and a
    /// connection to its server succeeds.
    public static func shouldRun() async -> Bool {
        if TestData.isCI { return true }
        guard let url, let configuration = try? PostgresStoreConfiguration(url: url) else { return false }
        return (try? await PostgresStore.checkConnection(configuration)) != nil
    }

    /// `MARQUEE_DATABASE_URL` with a new, unique `schema` parameter.
    /// - Throws: ``PostgresUnavailable`` when the variable is unset (reached only under CI, where the
    ///   test must fail rather than skip).
    public static func freshURL() throws -> String {
        guard let url else {
            throw PostgresUnavailable(message: "under CI=true the PostgreSQL tests must run, but MARQUEE_DATABASE_URL is unset")
        }
        let schema = "marquee_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        return url + (url.contains("?") ? "&" : "?") + "schema=\(schema)"
    }

    /// Why a PostgreSQL test could not run under CI.
    public struct PostgresUnavailable: Error, CustomStringConvertible {
        /// What was missing.
        public var message: String
        /// The message.
        public var description: String { message }
    }
}

extension Trait where Self == ConditionTrait {
    /// Runs the test only when ``PostgresTestDatabase/shouldRun()``; otherwise skips it with
    /// ``PostgresTestDatabase/skipMessage``.
    public static var requiresPostgres: Self {
        .enabled(PostgresTestDatabase.skipMessage) { await PostgresTestDatabase.shouldRun() }
    }
}
