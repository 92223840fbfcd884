import Foundation
import GRDB
import RecCore
import RecStore

/// Metadata and versioned trained models.
extension SQLiteStore {
    /// The value stored under `key`, or `nil`.
    public func metadata(for key: String) async throws -> String? {
        try await read("read metadata '\(key)'") { db in
            try String.fetchOne(db, sql: "SELECT value FROM metadata WHERE key = ?", arguments: [key])
        }
    }

    /// Stores `value` under `key`, replacing any earlier value.
    public func setMetadata(_ value: String, for key: String) async throws {
        try await write("set metadata '\(key)'") { db in
            try db.execute(sql: """
                INSERT INTO metadata (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value
                """, arguments: [key, value])
        }
    }

    /// Saves `model` as version max(stored versions of its name) + 1, in one transaction, so two
    /// concurrent saves never get the same version. `model.version` is ignored.
    /// - Returns: the version given, 1 for the first model of a name.
    @discardableResult
    public func save(_ model: StoredModel) async throws -> Int {
        let metrics = try StoredModel.encodeMetrics(model.metrics, of: model.name)
        return try await write("save model '\(model.name)'") { db in
            let version = try Int.fetchOne(db, sql: "SELECT IFNULL(MAX(version), 0) + 1 FROM models WHERE name = ?",
                                           arguments: [model.name]) ?? 1
            try db.execute(sql: """
                INSERT INTO models (name, version, created_at, hyperparameters, data_fingerprint, metrics, payload)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [model.name, version, model.createdAt.timeIntervalSince1970, model.hyperparameters,
                                 model.dataFingerprint, metrics, model.payload])
            return version
        }
    }

    /// Runs `body` and returns its value: a SQLite file is served by one process, so there is no other holder.
    public func withExclusiveLock<T: Sendable>(_ name: String, _ body: () async throws -> T) async throws -> T? {
        try await body()
    }

    /// The highest version saved under `name`, or `nil`; reads the primary key only.
    public func latestModelVersion(named name: String) async throws -> Int? {
        try await read("read model version '\(name)'") { db in
            try Int.fetchOne(db, sql: "SELECT MAX(version) FROM models WHERE name = ?", arguments: [name])
        }
    }

    /// The highest version of the model called `name`, or `nil` if none was saved.
    public func latestModel(named name: String) async throws -> StoredModel? {
        try await read("read model '\(name)'") { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT version, created_at, hyperparameters, data_fingerprint, metrics, payload FROM models
                WHERE name = ? ORDER BY version DESC LIMIT 1
                """, arguments: [name]) else { return nil }
            let metrics = try StoredModel.decodeMetrics(row[4], of: name, version: row[0])
            return StoredModel(name: name, version: row[0], createdAt: Date(timeIntervalSince1970: row[1]),
                               hyperparameters: row[2], dataFingerprint: row[3], metrics: metrics, payload: row[5])
        }
    }
}
