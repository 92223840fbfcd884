import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import RecCore
import RecImport
import RecPipeline
@testable import RecServer
import RecStore
import RecStorePostgres
import RecTestSupport
import Testing

/// The server over PostgreSQL, opened as `marquee serve` opens it: through `StoreLocation` from a
/// `postgres://` URL, and replicas sharing one database. Skipped without `MARQUEE_DATABASE_URL`, except under
/// `CI=true`.
@Suite(.requiresPostgres) struct PostgresServingTests {
    @Test func importsTrainsAndServesFromPostgres() async throws {
        let location = try StoreLocation(PostgresTestDatabase.freshURL())
        guard case .postgres = location else {
            Issue.record("a postgres:// URL must select the PostgreSQL store, got \(location)")
            return
        }
        try await TemporaryDirectory.with { directory in
            let events = directory.appendingPathComponent("events.csv")
            let lines = ServerFixture.interactions.map { "\($0.user),\($0.item),\(Int($0.value ?? 0)),\($0.timestamp ?? 0)" }
            try (["user,item,rating,timestamp"] + lines).joined(separator: "\n").write(to: events, atomically: true, encoding: .utf8)
            try await location.withStore { store in
                do {
                    try await serve(store, events: events)
                } catch {
                    try? await (store as? PostgresStore)?.dropSchema()
                    throw error
                }
                try await (store as? PostgresStore)?.dropSchema()
            }
        }
    }

    /// Two replicas, each with its own connection pool (as two `marquee serve` processes have), over one
    /// schema: feedback accepted by one shapes the other's list as soon as the other's cached profile of the user
    /// expires (`profileCacheSeconds`, 0.5 s), because every request folds the user's stored history into the model.
    @Test func feedbackToOneReplicaShapesTheOthersNextList() async throws {
        try await PostgresStore.withTestStore { first in
            try await first.write(StoreBatch(items: ServerFixture.items, interactions: ServerFixture.interactions))
            try await TopNTraining.train(.als, store: first)
            let key = try await APIKeys(store: first).create(role: .client).key
            let headers: HTTPFields = [.authorization: "Bearer \(key)", .contentType: "application/json"]
            let configuration = ServerConfiguration(retrainAfterEvents: 0, keyCacheSeconds: 0)
            try await PostgresStore.with(first.configuration) { second in
                let replicaA = try await buildApplication(configuration, store: first)
                let replicaB = try await buildApplication(configuration, store: second)
                try await replicaB.test(.router) { clientB in
                    try await clientB.execute(uri: "/v1/users/newcomer/recommendations?n=3", method: .get, headers: headers) { (response: TestResponse) async throws in
                        #expect(try response.decoded(as: ItemList.self).fallback, "no history yet: the popular fallback")
                    }
                    try await replicaA.test(.router) { clientA in
                        try await clientA.execute(uri: "/v1/feedback", method: .post, headers: headers,
                                                  body: try .json(FeedbackEvent(user: "newcomer", item: "h1", kind: .like))) { #expect($0.status == .ok) }
                    }
                    // Replica B may answer from its cached profile for up to `profileCacheSeconds` (0.5 s): poll, bounded.
                    var list: ItemList?
                    for _ in 0..<100 where list?.fallback != false {
                        list = try await clientB.execute(uri: "/v1/users/newcomer/recommendations?n=3", method: .get,
                                                         headers: headers) { try $0.decoded(as: ItemList.self) }
                        if list?.fallback != false { try await Task.sleep(for: .milliseconds(100)) }
                    }
                    #expect(list?.fallback == false, "replica B sees the feedback replica A stored")
                    #expect(Set(list?.items.map(\.id) ?? []) == ["h2", "h3", "h4"], "one horror like: the other horror films")
                }
            }
        }
    }

    /// A model trained and stored by one process (here: a second connection pool) is picked up by a
    /// replica's next check of the store and served; while the store holds nothing newer, a check changes nothing.
    @Test func aReplicaFollowsAModelTrainedElsewhere() async throws {
        try await PostgresStore.withTestStore { replicaStore in
            try await replicaStore.write(StoreBatch(items: ServerFixture.items, interactions: ServerFixture.interactions))
            try await TopNTraining.train(.als, store: replicaStore)
            let stored = try #require(try await TopNTraining.latestModel(in: replicaStore))
            let registry = ModelRegistry(model: try ServingModel(stored.model, record: stored.record),
                                         catalogue: Catalogue(ServerFixture.items), retrainAfterEvents: 0)
            let replica = RetrainingService(store: replicaStore, registry: registry, algorithm: .als, intervalSeconds: 0,
                                            followSeconds: 1, logger: Logger(label: "test"))
            await replica.follow()
            #expect(await registry.model?.name == "topn-als v1", "nothing newer: the model in use stays")

            try await PostgresStore.with(replicaStore.configuration) { trainer in
                try await TopNTraining.train(.als, store: trainer)
            }
            await replica.follow()
            #expect(await registry.model?.name == "topn-als v2", "the model the other process trained is in use")
        }
    }

    /// While another replica holds the training lock, a replica asked to retrain does not train; once the
    /// lock is free it does.
    @Test func onlyOneReplicaTrainsAtATime() async throws {
        try await PostgresStore.withTestStore { replicaStore in
            try await replicaStore.write(StoreBatch(items: ServerFixture.items, interactions: ServerFixture.interactions))
            try await TopNTraining.train(.als, store: replicaStore)
            let stored = try #require(try await TopNTraining.latestModel(in: replicaStore))
            let registry = ModelRegistry(model: try ServingModel(stored.model, record: stored.record),
                                         catalogue: Catalogue(ServerFixture.items), retrainAfterEvents: 0)
            let replica = RetrainingService(store: replicaStore, registry: registry, algorithm: .als, intervalSeconds: 0,
                                            logger: Logger(label: "test"))
            try await PostgresStore.with(replicaStore.configuration) { trainer in
                let trained: Void? = try await trainer.withExclusiveLock("topn-training") {
                    await replica.retrain()
                }
                #expect(trained != nil, "the other process holds the lock")
            }
            #expect(try await replicaStore.latestModelVersion(named: "topn-als") == 1, "no model while the lock was held")
            #expect(await registry.model?.name == "topn-als v1")
            await replica.retrain()
            #expect(try await replicaStore.latestModelVersion(named: "topn-als") == 2, "trains once the lock is free")
            #expect(await registry.model?.name == "topn-als v2")
        }
    }

    private func serve(_ store: any Store, events: URL) async throws {
        let summary = try await Importing.run(events, format: try DatasetFormat(parsing: "csv"), store: store)
        #expect(summary.written.interactions == ServerFixture.interactions.count)
        try await store.write(StoreBatch(items: ServerFixture.items))
        try await TopNTraining.train(.als, store: store)
        let key = try await APIKeys(store: store).create(role: .client).key
        let app = try await buildApplication(ServerConfiguration(retrainAfterEvents: 0, keyCacheSeconds: 0), store: store)
        try await app.test(.router) { client in
            let headers: HTTPFields = [.authorization: "Bearer \(key)", .contentType: "application/json"]
            try await client.execute(uri: "/v1/users/u2/recommendations?n=3", method: .get, headers: headers) { (response: TestResponse) async throws in
                #expect(response.status == .ok)
                let list = try response.decoded(as: ItemList.self)
                #expect(list.model == "topn-als v1", "the model trained into PostgreSQL is served")
                #expect(list.items.first?.id == "h1", "the withheld horror film ranks first")
                #expect(list.items.first?.title == "Horror 1")
                #expect(Set(list.items.map(\.id)).isDisjoint(with: ["h2", "h3", "h4", "d1"]), "seen items are excluded")
            }
            try await client.execute(uri: "/v1/feedback", method: .post, headers: headers,
                                     body: try .json(FeedbackEvent(user: "newcomer", item: "c1", kind: .like))) { #expect($0.status == .ok) }
        }
        #expect(try await store.interactions(of: "newcomer").map(\.item) == ["c1"], "feedback lands in PostgreSQL")
    }
}
