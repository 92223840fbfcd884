import Foundation
import RecCore
import RecImport
import RecPipeline
import RecStore
import RecStoreSQLite
import RecTestSupport
import Testing

/// Serving ALS factors written in Spark MLlib's `userFactors` / `itemFactors` form.
struct FactorImportTests {
    /// Four items on two latent axes; user "1" has seen item "10". Factors chosen so that the unseen
    /// items rank 30 (dot 2.0), 20 (0.5), 40 (-1.0) for user "1".
    @Test func sparkFactorsAreServedAsTheTopNModel() async throws {
        try await TemporaryDirectory.with { directory in
            let store = try SQLiteStore.inMemory()
            try await store.write(StoreBatch(interactions: [
                Interaction(user: "1", item: "10", kind: .like), Interaction(user: "2", item: "20", kind: .like),
                Interaction(user: "2", item: "30", kind: .like), Interaction(user: "3", item: "40", kind: .like),
            ]))
            // userFactors as Spark's df.write.json writes them: a folder of part files beside _SUCCESS.
            let users = directory.appendingPathComponent("userFactors")
            try FileManager.default.createDirectory(at: users, withIntermediateDirectories: true)
            try #"{"id":1,"features":[1.0,0.5]}"#.appending("\n").write(to: users.appendingPathComponent("part-00000.json"), atomically: true, encoding: .utf8)
            try #"{"id":2,"features":[0.0,1.0]}"#.appending("\n{\"id\":3,\"features\":[-1.0,0.0]}\n{\"id\":99,\"features\":[5.0,5.0]}\n")
                .write(to: users.appendingPathComponent("part-00001.json"), atomically: true, encoding: .utf8)
            try "".write(to: users.appendingPathComponent("_SUCCESS"), atomically: true, encoding: .utf8)
            // itemFactors as a CSV exported from the Parquet table.
            let items = directory.appendingPathComponent("itemFactors.csv")
            try "id,features\n10,\"[3.0, 3.0]\"\n20,\"[0.5, 0.0]\"\n30,\"[1.0, 2.0]\"\n40,\"[-1.0, 0.0]\"\n"
                .write(to: items, atomically: true, encoding: .utf8)

            let summary = try await FactorImport.run(users: users, items: items, store: store)
            #expect(summary.factors == 2)
            #expect(summary.matchedUsers == 3 && summary.users == 3, "user 99 is not in the store and is left out")
            #expect(summary.matchedItems == 4 && summary.items == 4)
            let (model, record) = try #require(try await TopNTraining.latestModel(in: store))
            #expect(record.name == "topn-als" && record.version == summary.version)
            let list = model.recommend(for: "1", count: 3, excluding: [], includeSeen: false)
            #expect(list.isFallback == false)
            let ranked = list.items
            #expect(ranked.map(\.item) == ["30", "20", "40"], "ordered by the imported dot products; seen item 10 excluded")
            #expect(abs((ranked.first?.score ?? 0) - 2.0) < 1e-5)
        }
    }

    @Test func vectorsOfUnequalLengthAreRefused() async throws {
        try await TemporaryDirectory.with { directory in
            let store = try SQLiteStore.inMemory()
            try await store.write(StoreBatch(interactions: [Interaction(user: "1", item: "10", kind: .like)]))
            let users = directory.appendingPathComponent("users.json"), items = directory.appendingPathComponent("items.json")
            try #"{"id":1,"features":[1.0,0.5]}"#.write(to: users, atomically: true, encoding: .utf8)
            try #"{"id":10,"features":[1.0,0.5,2.0]}"#.write(to: items, atomically: true, encoding: .utf8)
            await #expect(throws: (any Error).self) { try await FactorImport.run(users: users, items: items, store: store) }
            #expect(try await store.latestModelVersion(named: "topn-als") == nil, "nothing saved")
        }
    }

    @Test func aBadRowNamesFileLineAndField() async throws {
        try await TemporaryDirectory.with { directory in
            let file = directory.appendingPathComponent("items.csv")
            try "id,features\n10,\"[1.0]\"\nx,\"[2.0]\"\n".write(to: file, atomically: true, encoding: .utf8)
            let error = #expect(throws: ImportError.self) { try SparkFactorReader.read(file) }
            #expect(error?.message.hasPrefix("items.csv:3: field 'id'") == true, "\(String(describing: error))")
        }
    }
}
