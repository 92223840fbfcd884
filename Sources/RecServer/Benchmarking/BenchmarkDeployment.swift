import Foundation
import RecCore
import RecPipeline
import RecStoreSQLite

/// What a serving benchmark runs against: a fresh SQLite store filled with a catalogue and its history, a trained
/// ALS model, a client API key, and the user and item ids requests pick from.
struct BenchmarkDeployment {
    /// The catalogue's name with its item count.
    let name: String
    let store: SQLiteStore
    let key: String
    /// Every user with an interaction, sorted.
    let users: [String]
    /// Every item of the catalogue.
    let items: [String]

    /// Imports `catalogue` into `marquee.sqlite` in `directory` and trains ALS on it.
    /// - Throws: data, store and training errors.
    init(_ catalogue: BenchmarkCatalogue, in directory: URL, synchronous: SQLiteStore.Synchronous,
         progress: ProgressHandler?) async throws {
        store = try SQLiteStore(path: directory.appendingPathComponent("marquee.sqlite").path, synchronous: synchronous)
        progress?(TaskProgress(phase: "load \(catalogue.name)", completed: 0, total: nil))
        name = try await catalogue.fill(store, progress: progress)
        try await TopNTraining.train(.als, store: store, progress: progress)
        key = try await APIKeys(store: store).create(role: .client, label: "benchmark").key
        users = Array(Set(try await store.interactions().map(\.user.rawValue))).sorted()
        items = try await store.allItems().map(\.id.rawValue)
    }
}
