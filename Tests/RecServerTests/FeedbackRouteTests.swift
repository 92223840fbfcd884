import Foundation
import HummingbirdTesting
import NIOCore
@testable import RecServer
import RecTestSupport
import Testing

/// Feedback: stored before the answer, reflected in the next recommendations, bad events refused whole.
@Suite struct FeedbackRouteTests {
    @Test func aLikeChangesTheNextRecommendationsAtOnce() async throws {
        try await ServerFixture.withRouter { fixture, client in
            let headers = fixture.headers(fixture.clientKey)
            func recommendations() async throws -> ItemList {
                try await client.execute(uri: "/v1/users/newbie/recommendations?n=3", method: .get, headers: headers) {
                    try $0.decoded(as: ItemList.self)
                }
            }
            let before = try await recommendations()
            #expect(before.fallback)
            try await client.execute(uri: "/v1/feedback", method: .post, headers: headers,
                                     body: try .json(FeedbackEvent(user: "newbie", item: "h1", kind: .like))) { (response: TestResponse) async throws in
                #expect(response.status == .ok)
                #expect(try response.decoded(as: FeedbackReceipt.self) == FeedbackReceipt(accepted: 1, new: 1))
            }
            let after = try await recommendations()
            #expect(after.fallback == false)
            #expect(Set(after.items.map(\.id)) == ["h2", "h3", "h4"], "one horror like brings the other horror films")
            try await client.execute(uri: "/v1/feedback", method: .post, headers: headers,
                                     body: try .json(FeedbackEvent(user: "newbie", item: "h2", kind: .dislike))) { #expect($0.status == .ok) }
            #expect(try await recommendations().items.map(\.id).contains("h2") == false, "a disliked item is never recommended")
        }
    }

    @Test func aBatchIsStoredWholeAndReviewsCarrySentiment() async throws {
        try await ServerFixture.withRouter { fixture, client in
            let batch = FeedbackBatch(events: [
                FeedbackEvent(user: "r", item: "c1", kind: .rating, value: 4, timestamp: 10),
                FeedbackEvent(user: "r", item: "c2", kind: .review, text: "Loved it, the ending broke me. Wonderful!", timestamp: 11),
                FeedbackEvent(user: "r", item: "c3", kind: .review, text: "Dull, awful and far too long.", timestamp: 12),
                FeedbackEvent(user: "r", item: "c4", kind: .watched, timestamp: 13),
            ])
            try await client.execute(uri: "/v1/feedback/batch", method: .post, headers: fixture.headers(fixture.clientKey),
                                     body: try .json(batch)) { (response: TestResponse) async throws in
                #expect(try response.decoded(as: FeedbackReceipt.self) == FeedbackReceipt(accepted: 4, new: 6))
            }
            let stored = try await fixture.store.interactions(of: "r")
            #expect(stored.map(\.kind) == [.rating, .like, .dislike, .watched])
            #expect((stored[1].value ?? 0) > 0.05 && (stored[2].value ?? 0) < -0.05, "the VADER compound is kept as the value")
            #expect(try await fixture.store.tags(of: "r").map(\.text).count == 2)
        }
    }

    @Test(arguments: [
        (#"{"user":"a","item":"c1","kind":"rating"}"#, "value", 400),
        (#"{"user":"a","item":"c1","kind":"rating","value":9}"#, "value", 400),
        (#"{"user":"a","item":"c1","kind":"rating","value":4.5}"#, "value", 400),
        (#"{"user":"a","item":"c1","kind":"cheer"}"#, "kind", 400),
        (#"{"user":"a","item":"c1","kind":"like","timestamp":"noon"}"#, "timestamp", 400),
        (#"{"item":"c1","kind":"like"}"#, "user", 400),
        (#"{"user":"","item":"c1","kind":"like"}"#, "user", 400),
        (#"{"user":"a","item":"nope","kind":"like"}"#, "item", 404),
        (#"{"user":"a","item":"c1","kind":"review","text":"   "}"#, "text", 400),
    ])
    func badEventsAreRefusedNamingTheField(_ body: String, _ field: String, _ status: Int) async throws {
        try await ServerFixture.withRouter { fixture, client in
            try await client.execute(uri: "/v1/feedback", method: .post, headers: fixture.headers(fixture.clientKey),
                                     body: ByteBuffer(string: body)) { (response: TestResponse) async throws in
                #expect(response.status.code == status)
                let problem = try response.decoded(as: ProblemDetails.self)
                #expect(problem.field == field, "\(problem.detail)")
            }
            #expect(try await fixture.store.interactions(of: "a").isEmpty)
        }
    }

    @Test func oneBadEventRefusesTheWholeBatch() async throws {
        try await ServerFixture.withRouter { fixture, client in
            let body = #"{"events":[{"user":"b","item":"c1","kind":"like"},{"user":"b","item":"c2","kind":"rating","value":"five"}]}"#
            try await client.execute(uri: "/v1/feedback/batch", method: .post, headers: fixture.headers(fixture.clientKey),
                                     body: ByteBuffer(string: body)) { (response: TestResponse) async throws in
                #expect(response.status == .badRequest)
                #expect(try response.decoded(as: ProblemDetails.self).field == "events[1].value")
            }
            #expect(try await fixture.store.interactions(of: "b").isEmpty)
        }
    }

    @Test func malformedOversizedAndNonJSONBodies() async throws {
        try await ServerFixture.withRouter { fixture, client in
            let headers = fixture.headers(fixture.clientKey)
            try await client.execute(uri: "/v1/feedback", method: .post, headers: headers, body: ByteBuffer(string: #"{"user": "a", "#)) { (response: TestResponse) async throws in
                #expect(response.status == .badRequest)
                #expect(try response.decoded(as: ProblemDetails.self).detail.contains("not valid JSON"))
            }
            let huge = ByteBuffer(string: #"{"events":[""# + String(repeating: "x", count: 2 << 20) + #""]}"#)
            try await client.execute(uri: "/v1/feedback/batch", method: .post, headers: headers, body: huge) { (response: TestResponse) async throws in
                #expect(response.status == .contentTooLarge)
                #expect(try response.decoded(as: ProblemDetails.self).type == "/problems/too-large")
            }
            var text = headers
            text[.contentType] = "text/plain"
            try await client.execute(uri: "/v1/feedback", method: .post, headers: text, body: ByteBuffer(string: "like")) { (response: TestResponse) async throws in
                #expect(response.status == .unsupportedMediaType)
            }
            try await client.execute(uri: "/v1/nowhere", method: .get, headers: headers) { (response: TestResponse) async throws in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "application/problem+json")
            }
            try await client.execute(uri: "/v1/popular", method: .trace) { (response: TestResponse) async throws in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "GET")
                #expect(try response.decoded(as: ProblemDetails.self).type == "/problems/method-not-allowed")
            }
            try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok, "the server keeps serving") }
        }
    }
}
