import Foundation
import RecStore
import RecStoreSQLite
import RecStorePostgres
import RecStoreTesting
import RecTestSupport

extension StoreKind {
    /// Runs `body` on a fresh, empty store of this kind. A file store lives in a temporary directory
    /// and a PostgreSQL store in a schema of its own; both are removed afterwards.
    func withStore(_ body: (any Store) async throws -> Void) async throws {
        switch self {
        case .sqliteInMemory:
            try await body(SQLiteStore.inMemory())
        case .sqliteFile:
            try await TemporaryDirectory.with { directory in
                try await body(SQLiteStore(path: directory.appendingPathComponent("store.sqlite").path))
            }
        case .postgres:
            try await PostgresStore.withTestStore { store in try await body(store) }
        }
    }
}
