import Foundation
import HummingbirdTesting
import NIOCore
import RecPipeline
@testable import RecServer
import RecTestSupport
import Testing

/// `POST /v1/recommendations/text`: a described mood ranks the catalogue by embedding cosine.
@Suite struct MoodRouteTests {
    @Test(.enabled(if: TestData.isModelAvailable("all-MiniLM-L6-v2/model.safetensors") || TestData.isCI,
                   TestData.modelSkipMessage("all-MiniLM-L6-v2/model.safetensors")))
    func aMoodRanksTheMatchingGenreFirst() async throws {
        try await TemporaryDirectory.with { directory in
            let fixture = try await ServerFixture.make(in: directory)
            let models = TestData.modelDirectory.path
            _ = try await CatalogueEmbedding.embed(store: fixture.store, encoder: try ModelLocation(explicit: models).sentenceEncoder(), tmdb: nil)
            let app = try await buildApplication(ServerConfiguration(modelDirectory: models, retrainAfterEvents: 0), store: fixture.store)
            try await app.test(.router) { client in
                let headers = fixture.headers(fixture.clientKey)
                try await client.execute(uri: "/v1/recommendations/text", method: .post, headers: headers,
                                         body: ByteBuffer(string: #"{"text":"a horror film to scare me","n":4}"#)) { (response: TestResponse) async throws in
                    #expect(response.status == .ok)
                    let list = try response.decoded(as: MoodRecommendations.self)
                    #expect(list.items.map(\.genres) == Array(repeating: ["Horror"], count: 4), "\(list.items.map(\.title))")
                    #expect(list.truncated == false)
                }
                try await client.execute(uri: "/v1/recommendations/text", method: .post, headers: headers,
                                         body: ByteBuffer(string: #"{"text":"🎬🍿"}"#)) { (response: TestResponse) async throws in
                    #expect(response.status == .badRequest)
                    #expect(try response.decoded(as: ProblemDetails.self).field == "text")
                }
                let long = String(repeating: "funny ", count: 400)
                try await client.execute(uri: "/v1/recommendations/text", method: .post, headers: headers,
                                         body: try .json(MoodRequest(text: long, n: 3))) { (response: TestResponse) async throws in
                    #expect(try response.decoded(as: MoodRecommendations.self).truncated, "past 256 word pieces the response says so")
                }
            }
        }
    }

    @Test func withoutTheModelTheRouteSaysWhatIsMissing() async throws {
        try await ServerFixture.withRouter { fixture, client in
            try await client.execute(uri: "/v1/recommendations/text", method: .post, headers: fixture.headers(fixture.clientKey),
                                     body: ByteBuffer(string: #"{"text":"something light"}"#)) { (response: TestResponse) async throws in
                #expect(response.status == .serviceUnavailable)
                #expect(try response.decoded(as: ProblemDetails.self).detail.contains("MARQUEE_MODELS"))
            }
        }
    }
}
