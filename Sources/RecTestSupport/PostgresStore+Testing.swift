import RecStore
import RecStorePostgres

extension PostgresStore {
    /// Runs `body` on a store in a fresh schema of the ``PostgresTestDatabase`` server and drops the schema
    /// afterwards, whether `body` succeeded or not. Tests calling it declare `.requiresPostgres`.
    /// - Throws: `StoreError` if the server cannot be reached; whatever `body` throws.
    public static func withTestStore(_ body: (PostgresStore) async throws -> Void) async throws {
        try await PostgresStore.with(PostgresStoreConfiguration(url: PostgresTestDatabase.freshURL())) { store in
            do {
                try await body(store)
            } catch {
                try? await store.dropSchema()
                throw error
            }
            try await store.dropSchema()
        }
    }
}
