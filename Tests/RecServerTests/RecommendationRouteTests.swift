import Foundation
import HummingbirdTesting
import NIOCore
import RecGeneration
import RecGenerationTesting
import RecPipeline
@testable import RecServer
import RecTestSupport
import Testing

/// Recommendations, similar, popular and latest items over the router.
@Suite struct RecommendationRouteTests {
    @Test func aKnownUserGetsUnseenItemsOfTheirTaste() async throws {
        try await ServerFixture.withRouter { fixture, client in
            // u2 likes horror (h2, h3, h4 rated 5; h1 withheld) and rated d1 low.
            try await client.execute(uri: "/v1/users/u2/recommendations?n=3", method: .get, headers: fixture.headers(fixture.clientKey)) { (response: TestResponse) async throws in
                #expect(response.status == .ok)
                let list = try response.decoded(as: ItemList.self)
                #expect(list.items.count == 3)
                #expect(list.fallback == false)
                #expect(list.model == "topn-als v1")
                #expect(list.items.first?.id == "h1", "the withheld horror film ranks first")
                #expect(Set(list.items.map(\.id)).isDisjoint(with: ["h2", "h3", "h4", "d1"]), "seen items are excluded")
                #expect(list.items.first?.title == "Horror 1")
            }
        }
    }

    @Test func aNewUserGetsThePopularFallbackAndSaysSo() async throws {
        try await ServerFixture.withRouter { fixture, client in
            try await client.execute(uri: "/v1/users/stranger/recommendations?n=4", method: .get, headers: fixture.headers(fixture.clientKey)) { (response: TestResponse) async throws in
                let list = try response.decoded(as: ItemList.self)
                #expect(list.fallback)
                #expect(list.items.count == 4)
            }
        }
    }

    @Test func pathIdsArePercentDecodedAndChecked() async throws {
        try await ServerFixture.withRouter { fixture, client in
            let headers = fixture.headers(fixture.clientKey)
            try await client.execute(uri: "/v1/feedback", method: .post, headers: headers,
                                     body: try .json(FeedbackEvent(user: "a b/é", item: "h1", kind: .like))) { #expect($0.status == .ok) }
            try await client.execute(uri: "/v1/users/a%20b%2F%C3%A9/recommendations?n=3", method: .get, headers: headers) { (response: TestResponse) async throws in
                let list = try response.decoded(as: ItemList.self)
                #expect(list.fallback == false, "the encoded path names the user the body named")
                #expect(Set(list.items.map(\.id)) == ["h2", "h3", "h4"])
            }
            try await client.execute(uri: "/v1/users/%C2%96x/recommendations", method: .get, headers: headers) { (response: TestResponse) async throws in
                #expect(response.status == .badRequest, "a C1 control character, percent-encoded, is still refused")
                #expect(try response.decoded(as: ProblemDetails.self).field == "user")
            }
        }
    }

    @Test func filtersKeepOnlyMatchingItems() async throws {
        try await ServerFixture.withRouter { fixture, client in
            try await client.execute(uri: "/v1/users/u0/recommendations?n=10&genre=drama&minYear=1992", method: .get,
                                     headers: fixture.headers(fixture.clientKey)) { (response: TestResponse) async throws in
                let list = try response.decoded(as: ItemList.self)
                #expect(!list.items.isEmpty)
                #expect(list.items.allSatisfy { $0.genres == ["Drama"] && ($0.year ?? 0) >= 1992 })
            }
        }
    }

    @Test func diversityMixesGenres() async throws {
        try await ServerFixture.withRouter { fixture, client in
            func genres(_ diversity: Double) async throws -> Set<String> {
                try await client.execute(uri: "/v1/users/newbie/recommendations?n=3&diversity=\(diversity)", method: .get,
                                         headers: fixture.headers(fixture.clientKey)) { (response: TestResponse) async throws in
                    Set(try response.decoded(as: ItemList.self).items.flatMap(\.genres))
                }
            }
            try await client.execute(uri: "/v1/feedback", method: .post, headers: fixture.headers(fixture.clientKey),
                                     body: try .json(FeedbackEvent(user: "newbie", item: "c1", kind: .like))) { #expect($0.status == .ok) }
            #expect(try await genres(0) == ["Comedy"], "without diversity the comedy fan gets comedies")
            #expect(try await genres(1).count == 3, "full diversity picks one film of each genre")
        }
    }

    @Test func explanationsNameOnlyTheUsersOwnLikedItems() async throws {
        try await ServerFixture.withRouter { fixture, client in
            try await client.execute(uri: "/v1/users/u2/recommendations?n=3&explain=true", method: .get,
                                     headers: fixture.headers(fixture.clientKey)) { (response: TestResponse) async throws in
                let list = try response.decoded(as: ItemList.self)
                let first = try #require(list.items.first?.explanation)
                #expect(!first.evidence.isEmpty)
                for evidence in first.evidence {
                    #expect(["h2", "h3", "h4"].contains(evidence.item), "evidence comes from u2's liked items")
                    #expect(first.text.contains(evidence.title))
                }
                #expect(first.evidence.map(\.weight) == first.evidence.map(\.weight).sorted(by: >))
                for item in list.items {
                    let explanation = try #require(item.explanation)
                    #expect(explanation.method == .scoreDecomposition)
                    let score = try #require(explanation.score), remainder = try #require(explanation.remainder)
                    let sum = explanation.evidence.reduce(remainder) { $0 + $1.weight }
                    #expect(abs(sum - score) < 1e-4, "evidence weights and remainder sum to the score")
                    #expect(abs(score - item.score) < 1e-4, "the decomposed score is the served score")
                    let named = ServerFixture.items.filter { explanation.text.contains($0.title) }.map(\.id.rawValue)
                    #expect(Set(named).isSubset(of: explanation.evidence.map(\.item)), "the sentence names only evidence")
                    #expect(explanation.notes.isEmpty)
                }
            }
        }
    }

    @Test func itemKNNExplanationsAreTheNeighbourWeights() async throws {
        try await TemporaryDirectory.with { directory in
            let fixture = try await ServerFixture.make(in: directory)
            try await TopNTraining.train(.itemKNN, store: fixture.store)
            let app = try await buildApplication(ServerConfiguration(retrainAfterEvents: 0, keyCacheSeconds: 0), store: fixture.store)
            try await app.test(.router) { client in
                try await client.execute(uri: "/v1/users/u2/recommendations?n=3&explain=true", method: .get,
                                         headers: fixture.headers(fixture.clientKey)) { (response: TestResponse) async throws in
                    let list = try response.decoded(as: ItemList.self)
                    #expect(list.model?.hasPrefix("topn-item-knn") == true)
                    let first = try #require(list.items.first)
                    let explanation = try #require(first.explanation)
                    #expect(explanation.method == .neighbours)
                    #expect(Set(explanation.evidence.map(\.item)).isSubset(of: ["h2", "h3", "h4"]))
                    let sum = explanation.evidence.reduce(explanation.remainder ?? .nan) { $0 + $1.weight }
                    #expect(abs(sum - first.score) < 1e-4, "neighbour weights sum to the item-kNN score")
                }
            }
        }
    }

    @Test func aLikeFromAReviewIsCitedAsTheReview() async throws {
        try await ServerFixture.withRouter { fixture, client in
            let headers = fixture.headers(fixture.clientKey)
            let review = FeedbackEvent(user: "critic", item: "h1", kind: .review, text: "Wonderful, gripping and scary. I loved it!")
            try await client.execute(uri: "/v1/feedback", method: .post, headers: headers, body: try .json(review)) { #expect($0.status == .ok) }
            try await client.execute(uri: "/v1/feedback", method: .post, headers: headers,
                                     body: try .json(FeedbackEvent(user: "critic", item: "h2", kind: .like))) { #expect($0.status == .ok) }
            try await client.execute(uri: "/v1/users/critic/recommendations?n=2&explain=true", method: .get, headers: headers) { (response: TestResponse) async throws in
                let list = try response.decoded(as: ItemList.self)
                let explanation = try #require(list.items.first?.explanation)
                let reviewed = try #require(explanation.evidence.first { $0.item == "h1" })
                #expect(reviewed.kind == .reviewed)
                #expect((reviewed.sentiment ?? 0) >= 0.05)
                #expect(explanation.evidence.first { $0.item == "h2" }?.kind == .liked)
                #expect(reviewed.weight > 0)
                #expect(explanation.text.contains("Horror 1 (you reviewed it positively)"), "\(explanation.text)")
                #expect(!explanation.text.contains("Wonderful"), "the review's words are not repeated")
            }
        }
    }

    @Test func diversityReRankingIsNoted() async throws {
        try await ServerFixture.withRouter { fixture, client in
            try await client.execute(uri: "/v1/users/u2/recommendations?n=3&explain=true&diversity=1", method: .get,
                                     headers: fixture.headers(fixture.clientKey)) { (response: TestResponse) async throws in
                let list = try response.decoded(as: ItemList.self)
                #expect(list.items.count == 3)
                for (position, item) in list.items.enumerated() {
                    let notes = try #require(item.explanation?.notes)
                    #expect(notes.count == 1)
                    #expect(notes.first?.hasPrefix("Diversity re-ranking (1.0) applied") == true)
                    #expect(notes.first?.contains("\(position + 1)") == true)
                }
            }
        }
    }

    @Test func theFallbackIsExplainedAsPopularity() async throws {
        try await ServerFixture.withRouter { fixture, client in
            try await client.execute(uri: "/v1/users/stranger/recommendations?n=2&explain=true", method: .get,
                                     headers: fixture.headers(fixture.clientKey)) { (response: TestResponse) async throws in
                let list = try response.decoded(as: ItemList.self)
                #expect(list.fallback)
                #expect(list.items.allSatisfy { $0.explanation?.method == .popularity && $0.explanation?.evidence == [] })
            }
        }
    }

    @Test func pitchesAreWrittenOfflineWithoutALanguageModel() async throws {
        try await ServerFixture.withRouter { fixture, client in
            try await client.execute(uri: "/v1/users/u2/recommendations?n=3&pitch=true&mood=something%20scary", method: .get,
                                     headers: fixture.headers(fixture.clientKey)) { (response: TestResponse) async throws in
                let list = try response.decoded(as: ItemList.self)
                #expect(list.items.count == 3)
                for item in list.items {
                    let pitch = try #require(item.pitch)
                    #expect(pitch.generator == .offline)
                    #expect(pitch.fallbackReason == nil)
                    #expect(pitch.text.contains(item.title))
                    #expect(item.explanation == nil, "explain was not asked for")
                }
                #expect(list.items.first?.pitch?.text == "For your taste in Horror: Horror 1 (1991), a Horror film.")
            }
            try await client.execute(uri: "/v1/users/u2/recommendations?n=1", method: .get,
                                     headers: fixture.headers(fixture.clientKey)) { (response: TestResponse) async throws in
                #expect(try response.decoded(as: ItemList.self).items.first?.pitch == nil)
            }
        }
    }

    @Test func offlinePitchesQuoteTheCataloguesOverviewSetThroughTheItemsAPI() async throws {
        try await ServerFixture.withRouter { fixture, client in
            let described = #"{"title":"Horror 1","year":1991,"genres":["Horror"],"tagline":"Do not go upstairs.","#
                + #""overview":"A family moves in. Something scary lives in the walls. Nobody sleeps.","keywords":["haunted house"]}"#
            try await client.execute(uri: "/v1/items/h1", method: .put, headers: fixture.headers(fixture.adminKey),
                                     body: ByteBuffer(string: described)) { (response: TestResponse) async throws in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/v1/items/h1", method: .get, headers: fixture.headers(fixture.clientKey)) { (response: TestResponse) async throws in
                let item = try response.decoded(as: CatalogueItem.self)
                #expect(item.overview == "A family moves in. Something scary lives in the walls. Nobody sleeps.")
                #expect(item.tagline == "Do not go upstairs." && item.keywords == ["haunted house"])
            }
            try await client.execute(uri: "/v1/users/u2/recommendations?n=1&pitch=true&mood=something%20scary%20in%20a%20haunted%20house",
                                     method: .get, headers: fixture.headers(fixture.clientKey)) { (response: TestResponse) async throws in
                let item = try #require(try response.decoded(as: ItemList.self).items.first)
                #expect(item.id == "h1")
                let pitch = try #require(item.pitch)
                #expect(pitch.generator == .offline)
                // The sentence sharing words with the mood, and of the rest the first (the tagline), in text order.
                #expect(pitch.text == "For your taste in Horror: Horror 1 (1991), a Horror film. Do not go upstairs. "
                        + "Something scary lives in the walls.")
            }
        }
    }

    /// The user's own review reaches the language model's prompt only under MARQUEE_LLM_INCLUDE_REVIEWS.
    @Test(arguments: [false, true])
    func reviewsGoIntoPromptsOnlyWhenTheOperatorAllowsIt(_ allowed: Bool) async throws {
        let stub = ChatCompletionStub([.completion("A film for you.")])
        try await stub.serve { url in
            var configuration = ServerConfiguration(retrainAfterEvents: 0, keyCacheSeconds: 0)
            configuration.llm = try ServerConfiguration.languageModel(in: [
                "MARQUEE_LLM_BASE_URL": url.absoluteString, "MARQUEE_LLM_MODEL": "stub-model",
                "MARQUEE_LLM_INCLUDE_REVIEWS": allowed ? "true" : "false"])
            try await ServerFixture.withRouter(configuration) { fixture, client in
                let review = FeedbackEvent(user: "u2", item: "h2", kind: .review, text: "A delight, the creepiest cellar ever", timestamp: 5000)
                try await client.execute(uri: "/v1/feedback", method: .post, headers: fixture.headers(fixture.clientKey),
                                         body: try .json(review)) { response in #expect(response.status == .ok) }
                try await client.execute(uri: "/v1/users/u2/recommendations?n=1&pitch=true", method: .get,
                                         headers: fixture.headers(fixture.clientKey)) { (response: TestResponse) async throws in
                    #expect(try response.decoded(as: ItemList.self).items.first?.pitch != nil)
                }
            }
            let prompt = try #require(await stub.received.first?.body.messages.last?.content)
            #expect(prompt.contains("creepiest cellar") == allowed, "\(prompt)")
            #expect(!prompt.contains("u2"), "never the user's id")
        }
    }

    @Test func similarPopularAndLatest() async throws {
        try await ServerFixture.withRouter { fixture, client in
            let headers = fixture.headers(fixture.clientKey)
            try await client.execute(uri: "/v1/items/h1/similar?n=3", method: .get, headers: headers) { (response: TestResponse) async throws in
                let list = try response.decoded(as: ItemList.self)
                #expect(Set(list.items.map(\.id)) == ["h2", "h3", "h4"])
            }
            try await client.execute(uri: "/v1/items/zzz/similar", method: .get, headers: headers) { (response: TestResponse) async throws in
                #expect(response.status == .notFound)
                #expect(try response.decoded(as: ProblemDetails.self).field == "item")
            }
            try await client.execute(uri: "/v1/popular?n=12", method: .get, headers: headers) { (response: TestResponse) async throws in
                let scores = try response.decoded(as: ItemList.self).items.map(\.score)
                #expect(scores.count == 12 && scores == scores.sorted(by: >))
            }
            try await client.execute(uri: "/v1/latest?n=3", method: .get, headers: headers) { (response: TestResponse) async throws in
                #expect(try response.decoded(as: ItemList.self).items.map(\.year) == [1994, 1994, 1994])
            }
        }
    }

    @Test(arguments: ["n=0", "n=101", "n=ten", "diversity=2", "explain=maybe", "pitch=yes", "minYear=-5",
                      "mood=" + String(repeating: "x", count: 501)])
    func badParametersAreNamed(_ query: String) async throws {
        try await ServerFixture.withRouter { fixture, client in
            try await client.execute(uri: "/v1/users/u1/recommendations?\(query)", method: .get,
                                     headers: fixture.headers(fixture.clientKey)) { (response: TestResponse) async throws in
                #expect(response.status == .badRequest)
                let problem = try response.decoded(as: ProblemDetails.self)
                #expect(problem.field == String(query.prefix { $0 != "=" }))
                #expect(problem.type == "/problems/invalid-request")
            }
        }
    }
}
