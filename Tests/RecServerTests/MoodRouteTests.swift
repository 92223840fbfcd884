import Foundation
import HummingbirdTesting
import NIOCore
import RecPipeline
import RecStore
import RecText
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

    /// With a trained classifier stored and the encoder loaded, reviews are read by the classifier, not VADER: a
    /// classifier that finds every text negative turns a glowing review into a dislike.
    @Test(.enabled(if: TestData.isModelAvailable("all-MiniLM-L6-v2/model.safetensors") || TestData.isCI,
                   TestData.modelSkipMessage("all-MiniLM-L6-v2/model.safetensors")))
    func aStoredSentimentClassifierReadsReviews() async throws {
        try await TemporaryDirectory.with { directory in
            let fixture = try await ServerFixture.make(in: directory)
            let pessimist = SentimentClassifier(weights: [Float](repeating: 0, count: 384), bias: -4)
            _ = try await fixture.store.save(StoredModel(name: SentimentAnalysis.modelName, hyperparameters: Data("{}".utf8),
                                                         dataFingerprint: "", payload: try JSONEncoder().encode(pessimist)))
            let app = try await buildApplication(ServerConfiguration(modelDirectory: TestData.modelDirectory.path, retrainAfterEvents: 0),
                                                 store: fixture.store)
            try await app.test(.router) { client in
                let review = FeedbackEvent(user: "critic", item: "c1", kind: .review, text: "Loved it. Wonderful!", timestamp: 5)
                try await client.execute(uri: "/v1/feedback", method: .post, headers: fixture.headers(fixture.clientKey),
                                         body: try .json(review)) { response in #expect(response.status == .ok) }
            }
            let stored = try await fixture.store.interactions(of: "critic")
            #expect(stored.map(\.kind) == [.dislike], "VADER would call this review positive")
            let expected = 2 / (1 + Float(exp(4.0))) - 1
            #expect(abs((stored.first?.value ?? 0) - expected) < 1e-4, "the value is 2p − 1 with p = σ(−4)")
        }
    }
}
