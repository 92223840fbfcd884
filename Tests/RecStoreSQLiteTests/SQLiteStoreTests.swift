import Foundation
import RecCore
import RecStore
import RecStoreSQLite
import RecTestSupport
import Testing

/// What only a file-backed SQLite store can show: persistence, open errors, several connections.
struct SQLiteStoreTests {
    private let batch = StoreBatch(
        items: [Item(id: "1", title: "Toy Story", year: 1995, genres: ["Animation"])],
        users: [User(id: "u", age: 24)],
        interactions: [Interaction(user: "u", item: "1", value: 4, timestamp: 1), Interaction(user: "v", item: "2")],
        tags: [RecCore.Tag(user: "u", item: "1", text: "pixar")])

    @Test func dataSurvivesReopeningTheFile() async throws {
        try await TemporaryDirectory.with { directory in
            let path = directory.appendingPathComponent("persist.sqlite").path
            do {
                let store = try SQLiteStore(path: path)
                try await store.write(batch)
                try await store.setMetadata("[1, 5]", for: "rating-scale")
            }
            let reopened = try SQLiteStore(path: path)
            #expect(try await reopened.counts() == StoreCounts(items: 2, users: 2, interactions: 2, tags: 1))
            #expect(try await reopened.interactions(of: "u") == [batch.interactions[0]])
            #expect(try await reopened.items(["1"]) == batch.items)
            #expect(try await reopened.metadata(for: "rating-scale") == "[1, 5]")
            #expect(try await reopened.write(batch) == StoreWriteSummary(), "identity survives reopening")
        }
    }

    @Test func openingInAMissingDirectoryNamesThePath() throws {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("marquee-missing-\(UUID().uuidString)/store.sqlite").path
        let error = #expect(throws: StoreError.self) { try SQLiteStore(path: path) }
        #expect(error?.code == .openFailed)
        #expect(error?.message.hasPrefix("cannot open database at \(path): ") == true, "\(String(describing: error))")
    }

    @Test func openingAFileThatIsNotADatabaseFails() async throws {
        try await TemporaryDirectory.with { directory in
            let url = directory.appendingPathComponent("ratings.csv")
            try Data(String(repeating: "userId,movieId,rating,timestamp\n1,1,4.0,964982703\n", count: 200).utf8)
                .write(to: url)
            let error = #expect(throws: StoreError.self) { try SQLiteStore(path: url.path) }
            #expect(error?.message.contains(url.path) == true, "\(String(describing: error))")
        }
    }

    /// Two stores on one file are two connections; the busy timeout makes the second writer wait for
    /// the first instead of failing with SQLITE_BUSY.
    @Test func twoStoresOnOneFileBothWrite() async throws {
        try await TemporaryDirectory.with { directory in
            let path = directory.appendingPathComponent("shared.sqlite").path
            let stores = [try SQLiteStore(path: path), try SQLiteStore(path: path)]
            let rounds = 20
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (writer, store) in stores.enumerated() {
                    group.addTask {
                        for round in 0..<rounds {
                            let interactions = (0..<200).map {
                                Interaction(user: UserID("w\(writer)"), item: ItemID("i\($0)"), value: 1,
                                            timestamp: Int64(round))
                            }
                            try await store.write(StoreBatch(interactions: interactions))
                            try await store.save(StoredModel(name: "m", hyperparameters: Data(), dataFingerprint: "",
                                                             payload: Data([UInt8(writer)])))
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await stores[0].counts().interactions == 2 * rounds * 200)
            #expect(try await stores[1].latestModel(named: "m")?.version == 2 * rounds, "versions never collide")
        }
    }
}
