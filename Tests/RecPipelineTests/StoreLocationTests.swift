import RecPipeline
import RecStore
import RecStorePostgres
import RecStoreSQLite
import RecTestSupport
import Testing

/// Choosing the store from `--database` and `MARQUEE_DATABASE_URL`.
struct StoreLocationTests {
    @Test func aURLSelectsPostgresAndAnythingElseSQLite() throws {
        #expect(try StoreLocation("data/marquee.sqlite") == .sqlite(path: "data/marquee.sqlite"))
        #expect(try StoreLocation("postgres://m@127.0.0.1:5433/recs") == .postgres(
            PostgresStoreConfiguration(host: "127.0.0.1", port: 5433, username: "m", database: "recs")))
        #expect(try StoreLocation("postgresql://h/db").description == "postgres://postgres@h:5432/db")
        #expect(throws: StoreError.self) { try StoreLocation("postgres://h/db?sslmode=sometimes") }
    }

    @Test func theFlagWinsThenTheEnvironmentThenTheDefault() throws {
        let environment = ["MARQUEE_DATABASE_URL": "postgres://h/env"]
        #expect(try StoreLocation.configured(flag: "flag.sqlite", environment: environment) == .sqlite(path: "flag.sqlite"))
        #expect(try StoreLocation.configured(flag: nil, environment: environment) == StoreLocation("postgres://h/env"))
        #expect(try StoreLocation.configured(flag: nil, environment: [:]) == .sqlite(path: "marquee.sqlite"))
        #expect(try StoreLocation.configured(flag: nil, environment: ["MARQUEE_DATABASE_URL": ""]) == .sqlite(path: "marquee.sqlite"))
    }

    @Test func theSyncSettingComesFromTheEnvironmentForSQLiteOnly() throws {
        let full = ["MARQUEE_SQLITE_SYNCHRONOUS": "FULL"]
        #expect(try StoreLocation.configured(flag: "a.sqlite", environment: full) == .sqlite(path: "a.sqlite", synchronous: .full))
        #expect(try StoreLocation.configured(flag: nil, environment: full) == .sqlite(path: "marquee.sqlite", synchronous: .full))
        #expect(try StoreLocation.configured(flag: "postgres://h/db", environment: full) == StoreLocation("postgres://h/db"))
        #expect(try StoreLocation.configured(flag: "a.sqlite", environment: [:]) == .sqlite(path: "a.sqlite", synchronous: .normal))
        let error = #expect(throws: StoreError.self) {
            try StoreLocation.configured(flag: nil, environment: ["MARQUEE_SQLITE_SYNCHRONOUS": "sometimes"])
        }
        #expect(error?.message.contains("MARQUEE_SQLITE_SYNCHRONOUS is 'sometimes'; expected normal or full") == true)
    }

    @Test func aSQLiteLocationOpensAWorkingStore() async throws {
        try await TemporaryDirectory.with { directory in
            let location = StoreLocation.sqlite(path: directory.appendingPathComponent("chosen.sqlite").path)
            try await location.withStore { store in
                try await store.setMetadata("yes", for: "opened")
                #expect(store is SQLiteStore)
            }
            #expect(try await SQLiteStore(path: directory.appendingPathComponent("chosen.sqlite").path).metadata(for: "opened") == "yes")
        }
    }
}
