import Foundation
import PostgresNIO
import RecCore
import RecStore

/// Metadata and versioned trained models.
extension PostgresStore {
    /// The value stored under `key`, or `nil`.
    public func metadata(for key: String) async throws -> String? {
        try await autocommit("read metadata '\(key)'") { [logger] connection in
            var value: String?
            for try await found in try await connection.query("SELECT value FROM metadata WHERE key = \(key)", logger: logger)
                .decode(String.self) {
                value = found
            }
            return value
        }
    }

    /// Stores `value` under `key`, replacing any earlier value.
    public func setMetadata(_ value: String, for key: String) async throws {
        try await autocommit("set metadata '\(key)'") { [logger] connection in
            try await connection.query("""
                INSERT INTO metadata (key, value) VALUES (\(key), \(value))
                ON CONFLICT (key) DO UPDATE SET value = excluded.value
                """, logger: logger)
        }
    }

    /// Saves `model` as version max(stored versions of its name) + 1. The transaction first takes an
    /// advisory lock on the name, so concurrent saves, from this process or another replica, never get
    /// the same version. `model.version` is ignored.
    /// - Returns: the version given, 1 for the first model of a name.
    @discardableResult
    public func save(_ model: StoredModel) async throws -> Int {
        let metrics = try StoredModel.encodeMetrics(model.metrics, of: model.name)
        return try await transaction("save model '\(model.name)'") { [logger] connection in
            try await connection.query("SELECT pg_advisory_xact_lock(hashtext('marquee.models'), hashtext(\(model.name)))",
                                       logger: logger)
            var version = 0
            for try await given in try await connection.query("""
                INSERT INTO models (name, version, created_at, hyperparameters, data_fingerprint, metrics, payload)
                SELECT \(model.name), COALESCE(MAX(version), 0) + 1, \(model.createdAt.timeIntervalSince1970),
                       \(model.hyperparameters), \(model.dataFingerprint), \(metrics), \(model.payload)
                FROM models WHERE name = \(model.name)
                RETURNING version
                """, logger: logger).decode(Int.self) {
                version = given
            }
            return version
        }
    }

    /// Runs `body` holding the session-level advisory lock keyed by `name` on one pooled connection, or
    /// returns `nil` at once when another session holds it. The lock is released when `body` ends, or by
    /// the server when the connection dies (a killed trainer never leaves it held).
    public func withExclusiveLock<T: Sendable>(_ name: String, _ body: () async throws -> T) async throws -> T? {
        try await client.withConnection { [logger] connection in
            var acquired = false
            do {
                for try await got in try await connection.query("SELECT pg_try_advisory_lock(hashtext(\(lockScope)), hashtext(\(name)))",
                                                                     logger: logger)
                    .decode(Bool.self) {
                    acquired = got
                }
            } catch {
                throw StoreError(.backend, "cannot take lock '\(name)' in PostgreSQL database \(configuration.description): \(Self.reason(error))",
                                 underlying: error)
            }
            guard acquired else { return nil }
            let result: T
            do {
                result = try await body()
            } catch {
                try? await unlock(name, on: connection)
                throw error
            }
            // A connection whose unlock fails is broken, and the server drops the lock with it.
            try? await unlock(name, on: connection)
            return result
        }
    }

    /// The first key of every advisory lock: the store's schema, so stores on different schemas of one database
    /// (separate deployments, or tests running side by side) never hold each other's locks, while replicas of one
    /// store (same schema) do.
    private var lockScope: String { "marquee.lock." + (configuration.schema ?? "public") }

    private func unlock(_ name: String, on connection: PostgresConnection) async throws {
        for try await _ in try await connection.query("SELECT pg_advisory_unlock(hashtext(\(lockScope)), hashtext(\(name)))",
                                                      logger: logger).decode(Bool.self) {}
    }

    /// The highest version saved under `name`, or `nil`; reads the primary key index only (prepared statement
    /// ``LatestModelVersion``).
    public func latestModelVersion(named name: String) async throws -> Int? {
        try await autocommit("read model version '\(name)'") { [logger] connection in
            var version: Int?
            for try await found in try await connection.execute(LatestModelVersion(name: name), logger: logger) {
                version = found
            }
            return version
        }
    }

    /// The newest version of the model called `name`, or `nil` if none was saved.
    public func latestModel(named name: String) async throws -> StoredModel? {
        try await autocommit("read model '\(name)'") { [logger] connection in
            var model: StoredModel?
            for try await (version, createdAt, hyperparameters, fingerprint, metricsJSON, payload) in try await connection.query("""
                SELECT version, created_at, hyperparameters, data_fingerprint, metrics, payload FROM models
                WHERE name = \(name) ORDER BY version DESC LIMIT 1
                """, logger: logger).decode((Int, Double, Data, String, String, Data).self) {
                let metrics = try StoredModel.decodeMetrics(metricsJSON, of: name, version: version)
                model = StoredModel(name: name, version: version, createdAt: Date(timeIntervalSince1970: createdAt),
                                    hyperparameters: hyperparameters, dataFingerprint: fingerprint, metrics: metrics,
                                    payload: payload)
            }
            return model
        }
    }
}
