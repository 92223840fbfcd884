import Foundation
import GRDB
@testable import RecStoreSQLite
import RecTestSupport
import Testing

/// `SQLiteStore.Synchronous` reaches SQLite: the pool's writer connection, which does every commit, runs with the
/// chosen `PRAGMA synchronous` (GRDB itself sets NORMAL when it turns WAL on).
struct SQLiteSynchronousTests {
    @Test func eachSettingIsTheConnectionsPragma() async throws {
        try await TemporaryDirectory.with { directory in
            // SQLite reports NORMAL as 1 and FULL as 2.
            for (setting, expected) in [(SQLiteStore.Synchronous.normal, 1), (.full, 2)] {
                let store = try SQLiteStore(path: directory.appendingPathComponent("\(setting).sqlite").path, synchronous: setting)
                let written = try await store.database.write { try Int.fetchOne($0, sql: "PRAGMA synchronous") }
                #expect(written == expected, "\(setting)")
            }
        }
    }
}
