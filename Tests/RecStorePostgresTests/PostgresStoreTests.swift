import Foundation
import RecCore
import RecStore
import RecStorePostgres
import RecTestSupport
import Testing

/// What only a PostgreSQL store can show: reconnecting, migrations, several pools on one schema, COPY of
/// large and awkward batches. Skipped without a server, except under `CI=true`.
@Suite(.requiresPostgres) struct PostgresStoreTests {
    /// Runs `body` with the configuration of a fresh schema, opening stores itself, and drops the schema after.
    private func withSchema(_ body: (PostgresStoreConfiguration) async throws -> Void) async throws {
        let configuration = try PostgresStoreConfiguration(url: PostgresTestDatabase.freshURL())
        do {
            try await body(configuration)
        } catch {
            try? await PostgresStore.with(configuration) { store in try await store.dropSchema() }
            throw error
        }
        try await PostgresStore.with(configuration) { store in try await store.dropSchema() }
    }

    @Test func dataSurvivesReconnectingAndMigrationsRunOnce() async throws {
        try await withSchema { configuration in
            let batch = StoreBatch(
                items: [Item(id: "1", title: "Toy Story", year: 1995, genres: ["Animation"])],
                users: [User(id: "u", age: 24)],
                interactions: [Interaction(user: "u", item: "1", value: 4, timestamp: 1), Interaction(user: "v", item: "2")],
                tags: [RecCore.Tag(user: "u", item: "1", text: "pixar")])
            try await PostgresStore.with(configuration) { store in
                try await store.write(batch)
                try await store.setMetadata("[1, 5]", for: "rating-scale")
            }
            try await PostgresStore.with(configuration) { store async throws in
                #expect(try await store.counts() == StoreCounts(items: 2, users: 2, interactions: 2, tags: 1))
                #expect(try await store.interactions(of: "u") == [batch.interactions[0]])
                #expect(try await store.metadata(for: "rating-scale") == "[1, 5]")
                #expect(try await store.write(batch) == StoreWriteSummary(), "identity survives reconnecting")
                #expect(try await store.appliedMigrations() == ["v1", "v2", "v3"], "each migration recorded once")
            }
        }
    }

    /// The per-request reads run as named prepared statements: on a pool of one connection, after them the session
    /// holds the three statements, and reading again prepares nothing new.
    @Test func perRequestReadsArePreparedOncePerConnection() async throws {
        try await withSchema { configuration in
            var configuration = configuration
            configuration.maximumConnections = 1
            try await PostgresStore.with(configuration) { store in
                try await store.write(StoreBatch(users: [User(id: "u", age: 30)],
                                                 interactions: [Interaction(user: "u", item: "1", value: 4, timestamp: 1)]))
                #expect(try await store.preparedStatementNames().isEmpty)
                for _ in 0..<2 {
                    #expect(try await store.interactions(of: "u").map(\.item) == ["1"])
                    #expect(try await store.user("u")?.age == 30)
                    #expect(try await store.latestModelVersion(named: "topn-als") == nil)
                }
                let names = try await store.preparedStatementNames()
                #expect(names.count == 3, "\(names)")
                #expect(names.contains { $0.hasSuffix("InteractionsOfUser") })
            }
        }
    }

    /// Two pools on one schema are two sets of connections, as two replicas would have; the advisory lock
    /// keeps model versions unique and retries keep racing batches whole.
    @Test func twoStoresOnOneSchemaBothWrite() async throws {
        try await withSchema { configuration in
            try await PostgresStore.with(configuration) { first in
                try await PostgresStore.with(configuration) { second in
                    let rounds = 20
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        for (writer, store) in [first, second].enumerated() {
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
                    #expect(try await first.counts().interactions == 2 * rounds * 200)
                    #expect(try await second.latestModel(named: "m")?.version == 2 * rounds, "versions never collide")
                }
            }
        }
    }

    /// The advisory lock is held by one session at a time: another pool (another replica) is refused
    /// while the body runs and gets it once the body has returned.
    @Test func anExclusiveLockIsHeldByOneSessionAtATime() async throws {
        try await withSchema { configuration in
            try await PostgresStore.with(configuration) { first in
                try await PostgresStore.with(configuration) { second in
                    let (held, holding) = AsyncStream.makeStream(of: Void.self)
                    let (released, releasing) = AsyncStream.makeStream(of: Void.self)
                    try await withThrowingTaskGroup(of: Int?.self) { group in
                        group.addTask {
                            let result = try await first.withExclusiveLock("training") {
                                holding.yield()
                                for await _ in released { break }
                                return 1
                            }
                            if result == nil { holding.yield() }  // not acquired: let the checks below fail, not hang
                            return result
                        }
                        for await _ in held { break }
                        #expect(try await second.withExclusiveLock("training") { 2 } == nil, "held by the other pool")
                        #expect(try await second.withExclusiveLock("import") { 3 } == 3, "locks are per name")
                        releasing.yield()
                        let holderResult = try await group.next()
                        #expect(holderResult == .some(.some(1)))
                    }
                    #expect(try await second.withExclusiveLock("training") { 4 } == 4, "free once the holder is done")
                }
            }
        }
    }

    /// A batch larger than one COPY chunk, with ids and texts holding every character COPY's text format escapes.
    @Test func largeBatchWithAwkwardTextRoundTrips() async throws {
        try await PostgresStore.withTestStore { store in
            let awkward = ["tab\there", "back\\slash", "new\nline", "carriage\rreturn", "\\N", "quote\"'", "émoji 🎬", ""]
            let users = (0..<400).map { UserID("\(awkward[$0 % awkward.count])#\($0)") }
            let interactions = (0..<60_000).map {
                Interaction(user: users[$0 % users.count], item: ItemID("item\t\($0 % 997)"), value: Float($0 % 10) / 2 + 0.5,
                            timestamp: $0 % 3 == 0 ? nil : Int64($0))
            }
            let tags = awkward.enumerated().map { RecCore.Tag(user: users[$0.offset], item: "item\t1", text: $0.element) }
            let summary = try await store.write(StoreBatch(interactions: interactions, tags: tags))
            #expect(summary == StoreWriteSummary(items: 997, users: 400, interactions: 60_000, tags: awkward.count))
            let stored = try await store.interactions()
            #expect(stored.count == interactions.count)
            #expect(Set(stored) == Set(interactions))
            #expect(try await store.interactions(of: users[1]) == interactions.filter { $0.user == users[1] }
                .sorted { ($0.timestamp ?? .min, $0.item.rawValue) < ($1.timestamp ?? .min, $1.item.rawValue) })
            #expect(Set(try await store.tags().map(\.text)) == Set(awkward))
            #expect(try await store.write(StoreBatch(interactions: interactions)) == StoreWriteSummary(), "COPY staging dedupes")
        }
    }
}
