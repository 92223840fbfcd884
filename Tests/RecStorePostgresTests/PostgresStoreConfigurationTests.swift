import RecStore
import RecStorePostgres
import Testing

/// Parsing of `postgres://` URLs (what `--database` and `MARQUEE_DATABASE_URL` accept and how they fail) and
/// the error for a server that does not answer; none of these needs a server.
struct PostgresStoreConfigurationTests {
    @Test func parsesEveryPart() throws {
        let configuration = try PostgresStoreConfiguration(
            url: "postgres://marquee:s3cret@db.internal:6543/recs?schema=staging&sslmode=require&pool=4")
        #expect(configuration == PostgresStoreConfiguration(
            host: "db.internal", port: 6543, username: "marquee", password: "s3cret", database: "recs", schema: "staging",
            tls: .require, maximumConnections: 4))
        #expect(configuration.description == "postgres://marquee@db.internal:6543/recs?schema=staging", "no password in messages")
    }

    @Test func fillsDefaults() throws {
        let configuration = try PostgresStoreConfiguration(url: "postgresql://127.0.0.1")
        #expect(configuration == PostgresStoreConfiguration(host: "127.0.0.1"))
        #expect(configuration.port == 5432 && configuration.username == "postgres" && configuration.tls == .disable)
    }

    @Test(arguments: [
        ("postgres://h/db?sslmode=verify-full", "sslmode"),
        ("postgres://h/db?pool=0", "pool"),
        ("postgres://h/db?schema=", "schema"),
        ("postgres://h/db?application_name=x", "application_name"),
        ("postgres:///db", "no host"),
        ("marquee.sqlite", "not a URL"),
    ])
    func rejectsBadURLs(url: String, named: String) {
        let error = #expect(throws: StoreError.self) { try PostgresStoreConfiguration(url: url) }
        #expect(error?.code == .invalidValue)
        #expect(error?.message.contains(named) == true, "\(String(describing: error))")
    }

    @Test func recognisesURLs() {
        #expect(PostgresStoreConfiguration.isURL("postgres://h/db"))
        #expect(PostgresStoreConfiguration.isURL("postgresql://h/db"))
        #expect(!PostgresStoreConfiguration.isURL("marquee.sqlite"))
        #expect(!PostgresStoreConfiguration.isURL("./postgres/marquee.sqlite"))
    }

    @Test func unreachableServerFailsToOpenNamingTheURL() async throws {
        let configuration = try PostgresStoreConfiguration(url: "postgres://marquee:hunter2@127.0.0.1:1/nowhere")
        let error = await #expect(throws: StoreError.self) {
            try await PostgresStore.with(configuration) { _ in }
        }
        #expect(error?.code == .openFailed)
        #expect(error?.message.hasPrefix("cannot connect to PostgreSQL database postgres://marquee@127.0.0.1:1/nowhere: ") == true,
                "\(String(describing: error))")
        #expect(error?.message.contains("hunter2") == false, "the password never appears in messages")
    }
}
