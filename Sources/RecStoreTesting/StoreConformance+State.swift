import Foundation
import RecCore
import RecStore
import Testing

/// Checks of metadata, models, failed batches and concurrent writers.
extension StoreConformance {
    static func metadata(_ store: any Store) async throws {
        #expect(try await store.metadata(for: "rating-scale") == nil)
        try await store.setMetadata("[1, 5]", for: "rating-scale")
        try await store.setMetadata("ml-100k", for: "data-set")
        #expect(try await store.metadata(for: "rating-scale") == "[1, 5]")
        try await store.setMetadata("[0.5, 5]", for: "rating-scale")
        #expect(try await store.metadata(for: "rating-scale") == "[0.5, 5]", "a later value replaces the earlier one")
        #expect(try await store.metadata(for: "data-set") == "ml-100k")
        try await store.setMetadata("", for: "empty")
        #expect(try await store.metadata(for: "empty") == "", "an empty value is a value, not nil")
    }

    static func modelVersions(_ store: any Store) async throws {
        func model(_ name: String, _ seconds: TimeInterval, payload: [UInt8]) -> StoredModel {
            StoredModel(name: name, version: 99, createdAt: Date(timeIntervalSince1970: seconds),
                        hyperparameters: Data(#"{"factors":64}"#.utf8), dataFingerprint: "sha256:\(seconds)",
                        metrics: ["rmse": 0.9123456789, "fit_seconds": 12.5], payload: Data(payload))
        }
        let first = model("biased-mf", 1_700_000_000, payload: [0, 1, 2, 255])
        let second = model("biased-mf", 1_700_000_100.25, payload: [])
        let other = model("als", 1_600_000_000, payload: Array(repeating: 7, count: 100_000))
        #expect(try await store.save(first) == 1, "the stored version is the store's, not the caller's")
        #expect(try await store.save(other) == 1, "versions count per name")
        #expect(try await store.save(second) == 2)

        var expected = second
        expected.version = 2
        #expect(try await store.latestModel(named: "biased-mf") == expected)
        var expectedOther = other
        expectedOther.version = 1
        #expect(try await store.latestModel(named: "als") == expectedOther)
        #expect(try await store.latestModel(named: "ease") == nil)
        #expect(try await store.latestModelVersion(named: "biased-mf") == 2)
        #expect(try await store.latestModelVersion(named: "ease") == nil)
        #expect(try await store.save(first) == 3, "saving the same model again makes a new version")
        #expect(try await store.latestModelVersion(named: "biased-mf") == 3)
    }

    static func failedBatchWritesNothing(_ store: any Store) async throws {
        try await store.write(StoreBatch(items: [Item(id: "1", title: "Toy Story")]))
        let before = try await store.counts()
        let poisoned = StoreBatch(
            items: [Item(id: "1", title: "overwritten"), Item(id: "2", title: "Jumanji")],
            users: [User(id: "u", age: 40)],
            interactions: [
                Interaction(user: "u", item: "1", value: 4, timestamp: 1),
                Interaction(user: "new", item: "3", value: 3, timestamp: 2),
                Interaction(user: "u", item: "2", value: .nan, timestamp: 3),
            ],
            tags: [RecCore.Tag(user: "u", item: "1", text: "classic")])
        let error = await #expect(throws: StoreError.self) { try await store.write(poisoned) }
        #expect(error?.code == .invalidValue)
        #expect(error?.message.contains("nan") == true, "the message names the bad value: \(String(describing: error))")
        #expect(try await store.counts() == before, "nothing of a failed batch may remain")
        #expect(try await store.items(["1"]).map(\.title) == ["Toy Story"], "a failed batch's upserts roll back")
        #expect(try await store.user("u") == nil)

        let infinite = StoreBatch(interactions: [Interaction(user: "u", item: "1", value: -.infinity)])
        await #expect(throws: StoreError.self) { try await store.write(infinite) }
        #expect(try await store.counts() == before)
    }

    static func exclusiveLock(_ store: any Store) async throws {
        #expect(try await store.withExclusiveLock("training") { 1 } == 1)
        #expect(try await store.withExclusiveLock("training") { 2 } == 2, "released after the first body")
        let nested = try await store.withExclusiveLock("training") {
            try await store.withExclusiveLock("import") { "both held" }
        }
        #expect(nested == "both held", "locks are per name")
        let error = await #expect(throws: StoreError.self) {
            try await store.withExclusiveLock("training") { () async throws -> Int in throw StoreError(.conflict, "body failed") }
        }
        #expect(error?.message == "body failed", "the body's error passes through")
        #expect(try await store.withExclusiveLock("training") { 3 } == 3, "released after a body that threw")
    }

    static func concurrentWrites(_ store: any Store) async throws {
        let writers = 8
        let perWriter = 250
        // Each writer adds its own events plus the same shared ones, so writers race on the shared rows.
        let shared = (0..<50).map { Interaction(user: "shared", item: ItemID("s\($0)"), value: 1, timestamp: Int64($0)) }
        let summaries = try await withThrowingTaskGroup(of: StoreWriteSummary.self) { group in
            for writer in 0..<writers {
                group.addTask {
                    let own = (0..<perWriter).map {
                        Interaction(user: UserID("w\(writer)"), item: ItemID("i\($0 % 40)"), value: 2, timestamp: Int64($0))
                    }
                    return try await store.write(StoreBatch(interactions: own + shared))
                }
            }
            var summaries: [StoreWriteSummary] = []
            for try await summary in group { summaries.append(summary) }
            return summaries
        }
        let expected = StoreCounts(items: 40 + shared.count, users: writers + 1,
                                   interactions: writers * perWriter + shared.count, tags: 0)
        #expect(try await store.counts() == expected)
        #expect(summaries.reduce(0) { $0 + $1.interactions } == expected.interactions, "each new row counted once")
        #expect(summaries.reduce(0) { $0 + $1.items } == expected.items)
        #expect(summaries.reduce(0) { $0 + $1.users } == expected.users)
    }
}
