import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import RecCore
import RecGeneration
import RecPipeline
@testable import RecServer
import RecTestSupport
import Testing

/// Requests keep being answered while models are swapped, and a request that hangs is cut off.
@Suite struct ServingUnderStressTests {
    @Test func requestsInFlightWhileModelsAreSwappedAllSucceed() async throws {
        try await TemporaryDirectory.with { directory in
            let fixture = try await ServerFixture.make(in: directory)
            let stored = try #require(try await TopNTraining.latestModel(in: fixture.store))
            let registry = ModelRegistry(model: try ServingModel(stored.model, record: stored.record),
                                         catalogue: Catalogue(ServerFixture.items), retrainAfterEvents: 0)
            let recommendations = Recommendations(store: fixture.store, registry: registry, interestWeight: 0,
                                                  pitches: OfflinePitchGenerator(), promptReviews: false)
            let service = RetrainingService(store: fixture.store, registry: registry, algorithm: .als, intervalSeconds: 0,
                                            logger: Logger(label: "test"))
            let swaps = 3
            let finalModel = "topn-als v\(1 + swaps)"
            let seen = try await withThrowingTaskGroup(of: [String].self) { group in
                group.addTask {
                    for _ in 0..<swaps { await service.retrain() }
                    return []
                }
                for reader in 0..<4 {
                    group.addTask {
                        var names: [String] = []
                        for request in 0..<20_000 {
                            let list = try await recommendations.recommend(for: UserID("u\((reader * 7 + request) % 36)"),
                                                                           RecommendationQuery())
                            #expect(list.items.count == 8, "each user has seen 4 of the 12 items")
                            names.append(list.model ?? "")
                            if list.model == finalModel { break }
                        }
                        return names
                    }
                }
                return try await group.reduce(into: [String]()) { $0 += $1 }
            }
            #expect(Set(seen).isSuperset(of: ["topn-als v1", finalModel]), "requests were answered before and after the swaps: \(Set(seen))")
        }
    }

    @Test func aRequestThatTakesTooLongGetsA503ProblemAndIsCancelled() async throws {
        let outcome = HandlerOutcome()
        let router = Router(context: ServerContext.self)
        router.add(middleware: ProblemMiddleware())
        router.add(middleware: RequestTimeoutMiddleware(limit: .milliseconds(200)))
        router.get("slow") { _, _ -> String in
            do {
                try await Task.sleep(for: .seconds(3600))
            } catch {
                await outcome.record("cancelled")
                throw error
            }
            await outcome.record("finished")
            return "late"
        }
        router.get("fast") { _, _ in "quick" }
        try await Application(router: router).test(.router) { client in
            try await client.execute(uri: "/slow", method: .get) { (response: TestResponse) async throws in
                #expect(response.status == .serviceUnavailable)
                #expect(String(buffer: response.body).contains("took longer than 0.2 s"))
            }
            #expect(await outcome.value == "cancelled", "the handler was cancelled, not left running or awaited to the end")
            try await client.execute(uri: "/fast", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == "quick")
            }
        }
    }
}

/// What became of a request handler.
actor HandlerOutcome {
    private(set) var value = "running"
    func record(_ value: String) { self.value = value }
}
