import Foundation
import RecStore
import RecStoreSQLite
import RecStoreTesting
import RecTestSupport

extension StoreKind {
    /// Runs `body` on a fresh, empty store of this kind; a file store lives in a temporary directory
    /// that is removed afterwards.
    func withStore<T>(_ body: (any Store) async throws -> T) async throws -> T {
        switch self {
        case .sqliteInMemory:
            return try await body(SQLiteStore.inMemory())
        case .sqliteFile:
            return try await TemporaryDirectory.with { directory in
                try await body(SQLiteStore(path: directory.appendingPathComponent("store.sqlite").path))
            }
        }
    }
}
