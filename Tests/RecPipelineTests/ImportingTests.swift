import Foundation
import Testing
import RecCore
import RecImport
import RecPipeline
import RecStoreSQLite
import RecTestSupport

@Suite struct ImportingTests {
    func writeEvents(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("events-\(UUID().uuidString).csv")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func badRowsAreSkippedAndListedGoodRowsLand() async throws {
        let store = try SQLiteStore.inMemory()
        let url = try writeEvents("user,item,rating\n1,10,4\n2,11,x\n3,12,5\n")
        let summary = try await Importing.run(url, format: .csvEvents(EventMapping()), store: store)
        #expect(summary.written.interactions == 2)
        #expect(summary.rejected.count == 1)
        #expect(summary.text.contains(":3: field 'rating': expected a number in [1, 5], got \"x\""), "\(summary.text)")
    }

    @Test func strictImportWritesNothing() async throws {
        let store = try SQLiteStore.inMemory()
        let url = try writeEvents("user,item,rating\n1,10,4\n2,11,x\n")
        await #expect(throws: ImportError.self) {
            try await Importing.run(url, format: .csvEvents(EventMapping()), strict: true, store: store)
        }
        #expect(try await store.counts().interactions == 0)
    }

    @Test func aSecondScaleIsRefusedNotRescaled() async throws {
        let store = try SQLiteStore.inMemory()
        _ = try await Importing.run(try writeEvents("user,item,rating\n1,10,4\n"), format: .csvEvents(EventMapping()), store: store)
        let tenPoint = DatasetFormat.csvEvents(EventMapping(scale: .zeroToTen))
        await #expect {
            try await Importing.run(try writeEvents("user,item,rating\n1,11,9\n"), format: tenPoint, store: store)
        } throws: { "\($0)".contains("[1, 5]") && "\($0)".contains("[0, 10]") }
        #expect(try await store.counts().interactions == 1)
    }

    @Test func importTrainRecommendRoundTrip() async throws {
        let store = try SQLiteStore.inMemory()
        // Two taste groups: users a* love x-movies, users b* love y-movies; a3 has not seen x3.
        var lines = ["user,item,rating"]
        for user in ["a1", "a2", "a3"] { lines += ["\(user),x1,5", "\(user),x2,5", "\(user),y1,1", "\(user),y2,1"] }
        for user in ["b1", "b2"] { lines += ["\(user),y1,5", "\(user),y2,5", "\(user),x1,1", "\(user),x3,4", "\(user),y3,1"] }
        lines += ["a1,x3,5", "a2,x3,5", "a1,y3,1", "a2,y3,1"]
        _ = try await Importing.run(try writeEvents(lines.joined(separator: "\n")), format: .csvEvents(EventMapping()), store: store)
        let training = try await Training.train(.baseline, store: store)
        #expect(training.version == 1)
        let list = try await Recommending.recommend(for: "a3", count: 5, store: store)
        #expect(list.recommendations.map(\.item.id) == ["x3", "y3"], "only unseen items, best first")
        #expect(!list.isFallback)
        let newcomer = try await Recommending.recommend(for: "nobody", count: 1, store: store)
        #expect(newcomer.isFallback)
        // No history: ranked by item bias alone. x2 has three 5s; x3 averages 4.5 over four ratings.
        #expect(newcomer.recommendations.first?.item.id == "x2", "fallback ranks by item baseline")
        #expect(try await Training.train(.baseline, store: store).version == 2)
    }

    @Test(.enabled(if: TestData.isAvailable("ml-100k/u.data"), TestData.skipMessage("ml-100k/u.data")))
    func movieLens100KLandsWholeAndReimportAddsNothing() async throws {
        let store = try SQLiteStore.inMemory()
        let folder = TestData.url("ml-100k")
        let first = try await Importing.run(folder, store: store)
        #expect(first.written.interactions == 100_000)
        #expect(first.written.items == 1_682)
        #expect(first.written.users == 943)
        #expect(first.rejected.isEmpty)
        let second = try await Importing.run(folder, store: store)
        #expect(second.written.interactions == 0)
        #expect(try await store.counts().interactions == 100_000)
    }
}
