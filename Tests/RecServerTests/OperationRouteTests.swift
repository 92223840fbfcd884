import Foundation
import HummingbirdTesting
import Logging
import NIOCore
import RecCore
import RecPipeline
@testable import RecServer
import RecTestSupport
import Testing

/// Metrics, training on demand, the OpenAPI document and the web page's files.
@Suite struct OperationRouteTests {
    @Test func metricsCountRequestsPerRouteAndShowTheModel() async throws {
        try await ServerFixture.withRouter { fixture, client in
            try await client.execute(uri: "/v1/popular", method: .get, headers: fixture.headers(fixture.clientKey)) { _ in }
            try await client.execute(uri: "/metrics", method: .get, headers: fixture.headers(fixture.adminKey)) { (response: TestResponse) async throws in
                #expect(response.status == .ok)
                let text = String(buffer: response.body)
                #expect(text.contains(#"hb_requests{http_route="/v1/popular",http_request_method="GET",http_response_status_code="200"}"#),
                        "\(text.prefix(2000))")
                #expect(text.contains("http_server_request_duration_bucket"), "latency is a histogram")
                #expect(text.contains("marquee_model_version"))
            }
        }
    }

    @Test func trainingRunsInTheBackgroundAndSwapsTheModel() async throws {
        try await TemporaryDirectory.with { directory in
            let fixture = try await ServerFixture.make(in: directory)
            let stored = try #require(try await TopNTraining.latestModel(in: fixture.store))
            let registry = ModelRegistry(model: try ServingModel(stored.model, record: stored.record),
                                         catalogue: Catalogue(ServerFixture.items), retrainAfterEvents: 2)
            #expect(await registry.model?.version == 1)
            await registry.recordFeedback([], count: 2)
            #expect(await registry.eventsSinceTraining == 2)
            let service = RetrainingService(store: fixture.store, registry: registry, algorithm: .als, intervalSeconds: 0,
                                            logger: Logger(label: "test"))
            await service.retrain()
            #expect(await registry.model?.version == 2, "the new model is in use")
            #expect(await registry.model?.name == "topn-als v2")
            #expect(await registry.eventsSinceTraining == 0, "events before the training are counted in the new model")
        }
    }

    @Test func theOpenAPIDocumentAndWebPageAreServedWithoutAKey() async throws {
        try await ServerFixture.withRouter { _, client in
            try await client.execute(uri: "/openapi.json", method: .get) { (response: TestResponse) async throws in
                #expect(response.status == .ok)
                let document = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                #expect(document?["openapi"] as? String == "3.1.0")
            }
            try await client.execute(uri: "/", method: .get) { (response: TestResponse) async throws in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("<title>Marquee</title>"))
            }
        }
    }
}
