import Foundation
import HummingbirdTesting
import Logging
import RecAlgorithms
import RecCore
import RecEvaluation
@testable import RecServer
import RecStore
import Testing

/// User profiles: built from a replay of the stored events, kept current by feedback, cached safely.
@Suite struct UserProfileTests {
    static let embeddings = ItemEmbeddings(items: ServerFixture.items.map(\.id),
                                           vectors: ServerFixture.items.flatMap { item -> [Float] in
                                               switch item.id.rawValue.prefix(1) {
                                               case "c": [1, 0, 0]
                                               case "d": [0, 1, 0]
                                               default: [0, 0, 1]
                                               }
                                           }, dimension: 3)
    static let rules = ProfileRules(ServingInputs(scale: RatingScale(minimum: 1, maximum: 5, step: 1), embeddings: embeddings),
                                    interest: InterestConfiguration(halfLife: 86_400), generation: 0)

    static let events: [Interaction] = [
        Interaction(user: "u", item: "c1", kind: .rating, value: 5, timestamp: 10),
        Interaction(user: "u", item: "h1", kind: .like, timestamp: 20),
        Interaction(user: "u", item: "c1", kind: .dislike, timestamp: 30),
        Interaction(user: "u", item: "d2", kind: .watched, timestamp: 40),
        Interaction(user: "u", item: "d3", kind: .rating, value: 2, timestamp: 50),
        Interaction(user: "u", item: "h1", kind: .skipped, timestamp: 60),
        Interaction(user: "u", item: "c1", kind: .like, value: 0.6, timestamp: 70),
    ]

    @Test func applyingEventsOneByOneGivesTheReplaysProfile() throws {
        for split in 0...Self.events.count {
            var incremental = UserProfile(events: Array(Self.events.prefix(split)), rules: Self.rules)
            for event in Self.events.dropFirst(split) {
                let applied = incremental.apply(event, rules: Self.rules)
                #expect(applied)
            }
            let replay = UserProfile(events: Self.events, rules: Self.rules)
            #expect(incremental.positives == replay.positives)
            #expect(incremental.excluded(excludeSeen: true) == replay.excluded(excludeSeen: true))
            #expect(incremental.interest == replay.interest)
        }
        let profile = UserProfile(events: Self.events, rules: Self.rules)
        #expect(profile.positives == ["c1": 1, "d2": 1], "the latest verdict on c1 and h1 counts")
        #expect(profile.excluded(excludeSeen: false) == ["h1"], "a low rating is seen, not rejected")
        #expect(profile.excluded(excludeSeen: true) == ["c1", "h1", "d2", "d3"])
    }

    @Test func theInterestFollowsTheLatestTaste() throws {
        var profile = UserProfile(events: [Interaction(user: "u", item: "c1", kind: .like, timestamp: 0)], rules: Self.rules)
        let before = try #require(profile.interest?.mean)
        #expect(before[0] > 0.99 && abs(before[2]) < 1e-6, "one liked comedy: the interest is the comedy axis")
        let applied = profile.apply(Interaction(user: "u", item: "h1", kind: .like, timestamp: 10 * 86_400), rules: Self.rules)
        #expect(applied)
        let after = try #require(profile.interest?.mean)
        #expect(after[2] > 0.99, "a horror like ten half-lives later outweighs the comedy: \(after)")
        #expect(after[0] > 0 && after[0] < 0.01, "the comedy still counts, 2^-10 as much: \(after)")
    }

    @Test func anEventOlderThanTheNewestIsRefused() {
        var profile = UserProfile(events: Self.events, rules: Self.rules)
        let older = Interaction(user: "u", item: "h2", kind: .like, timestamp: 5)
        let applied = profile.apply(older, rules: Self.rules)
        #expect(!applied)
        #expect(profile.positives["h2"] == nil && profile.eventCount == Self.events.count)
    }

    @Test func reviewSentimentAndKindsSetTheEventsPull() {
        let scale = RatingScale(minimum: 1, maximum: 5, step: 1), positive = PositiveFeedback(scale: scale)
        func sentiment(_ kind: InteractionKind, _ value: Float? = nil) -> Float {
            UserProfile.sentiment(of: Interaction(user: "u", item: "c1", kind: kind, value: value), scale: scale, positive: positive)
        }
        #expect(sentiment(.rating, 5) == 1 && sentiment(.rating, 1) == -1 && sentiment(.rating, 3) == 0)
        #expect(sentiment(.like) == 1 && sentiment(.like, 0.4) == 0.4 && sentiment(.dislike) == -1 && sentiment(.dislike, -0.7) == -0.7)
        #expect(sentiment(.watched) == 0.5 && sentiment(.skipped) == -0.5)
    }

    @Test func theCacheKeepsOnlyFreshProfilesLoadedBeforeAnyNewFeedback() {
        let now = ContinuousClock.now
        var cache = ProfileCache(lifetime: .seconds(1))
        let profile = UserProfile(events: Self.events, rules: Self.rules)
        let ticket = cache.ticket
        cache.record([Interaction(user: "other", item: "c2", kind: .like, timestamp: 1)], rules: Self.rules)
        cache.insert(profile, for: "u", rules: Self.rules, ticket: ticket, now: now)
        #expect(cache.profile(of: "u", rules: Self.rules, now: now) == nil, "feedback arrived while it loaded")

        cache.insert(profile, for: "u", rules: Self.rules, ticket: cache.ticket, now: now)
        #expect(cache.profile(of: "u", rules: Self.rules, now: now)?.eventCount == Self.events.count)
        #expect(cache.profile(of: "u", rules: Self.rules, now: now + .seconds(2)) == nil, "expired")
        var newer = Self.rules
        newer.generation = 1
        #expect(cache.profile(of: "u", rules: newer, now: now) == nil, "built under older rules")

        cache.record([Interaction(user: "u", item: "h4", kind: .like, timestamp: 100)], rules: Self.rules)
        #expect(cache.profile(of: "u", rules: Self.rules, now: now)?.positives["h4"] == 1, "feedback applied in place")
        cache.record([Interaction(user: "u", item: "h3", kind: .like, timestamp: 1)], rules: Self.rules)
        #expect(cache.profile(of: "u", rules: Self.rules, now: now) == nil, "an out-of-order event drops the profile")

        var off = ProfileCache(lifetime: .zero)
        off.insert(profile, for: "u", rules: Self.rules, ticket: off.ticket, now: now)
        #expect(off.count == 0, "a zero lifetime caches nothing")
    }

    /// The feedback loop with interest: at weight 1 the list follows the interest vector, and one like turns it.
    @Test func aLikeTurnsTheInterestAndTheListAtOnce() async throws {
        let configuration = ServerConfiguration(retrainAfterEvents: 0, keyCacheSeconds: 0, interestWeight: 1,
                                                interestHalfLifeDays: 1)
        try await ServerFixture.withRouter(configuration, prepare: ServerFixture.storeGenreEmbeddings) { fixture, client in
            func like(_ item: String, at day: Int64) async throws {
                let event = FeedbackEvent(user: "newcomer", item: item, kind: .like, timestamp: day * 86_400)
                try await client.execute(uri: "/v1/feedback", method: .post, headers: fixture.headers(fixture.clientKey),
                                         body: try .json(event)) { response in #expect(response.status == .ok) }
            }
            func topGenre() async throws -> String {
                try await client.execute(uri: "/v1/users/newcomer/recommendations?n=2", method: .get,
                                         headers: fixture.headers(fixture.clientKey)) { (response: TestResponse) async throws in
                    let list = try response.decoded(as: ItemList.self)
                    let genres = Set(list.items.flatMap(\.genres))
                    #expect(genres.count == 1, "the top two share the interest's genre: \(list.items.map(\.id))")
                    return genres.first ?? ""
                }
            }
            try await like("h1", at: 1)
            try await like("c1", at: 20)
            #expect(try await topGenre() == "Comedy", "the newest like dominates the interest")
            try await like("h2", at: 40)
            #expect(try await topGenre() == "Horror", "the next list follows the like just sent")
            try await client.execute(uri: "/v1/users/newcomer/recommendations?n=2&explain=true", method: .get,
                                     headers: fixture.headers(fixture.clientKey)) { (response: TestResponse) async throws in
                let list = try response.decoded(as: ItemList.self)
                #expect(list.items.allSatisfy { $0.explanation?.notes.contains { $0.hasPrefix("Re-ranked by your recent interests") } == true },
                        "each explanation says the interest re-ranked it")
            }
        }
    }

    /// Content evidence: with the genre-axis embeddings (centred on their mean), a fan of h1 and h2 has the horror
    /// direction as interest. By hand: "Horror" (h1…h4) and "ghost" (h1, h2) point the same way, cosine 1;
    /// "campfire" (h3, c1) is the mean of the horror and comedy directions, cosine 0.5; "lonely" (h4 only) has no
    /// vector.
    @Test func interestRankedExplanationsCiteTheItemsThemesClosestToTheInterest() async throws {
        let configuration = ServerConfiguration(retrainAfterEvents: 0, keyCacheSeconds: 0, interestWeight: 1,
                                                interestHalfLifeDays: 1)
        let keywords: [ItemID: [String]] = ["h1": ["ghost"], "h2": ["Ghost"], "h3": ["campfire", "horror"],
                                            "c1": ["campfire"], "h4": ["lonely"]]
        try await ServerFixture.withRouter(configuration, prepare: { store in
            try await ServerFixture.storeGenreEmbeddings(in: store)
            try await store.write(StoreBatch(items: ServerFixture.items.compactMap { item in
                keywords[item.id].map { var described = item; described.keywords = $0; return described }
            }))
        }) { fixture, client in
            for item in ["h1", "h2"] {
                try await client.execute(uri: "/v1/feedback", method: .post, headers: fixture.headers(fixture.clientKey),
                                         body: try .json(FeedbackEvent(user: "fan", item: item, kind: .like, timestamp: 86_400))) {
                    response in #expect(response.status == .ok)
                }
            }
            try await client.execute(uri: "/v1/users/fan/recommendations?n=2&explain=true", method: .get,
                                     headers: fixture.headers(fixture.clientKey)) { (response: TestResponse) async throws in
                let list = try response.decoded(as: ItemList.self)
                #expect(Set(list.items.map(\.id)) == ["h3", "h4"], "the unseen horror films, tied on the interest")
                let h3 = try #require(list.items.first { $0.id == "h3" }?.explanation)
                let h4 = try #require(list.items.first { $0.id == "h4" }?.explanation)
                #expect(h3.themes.map(\.theme) == ["Horror", "campfire"], "the keyword repeating the genre is one theme")
                #expect(h3.themes.map(\.weight).elementsEqual([1, 0.5]) { abs($0 - $1) < 1e-4 })
                #expect(h3.text.hasSuffix(" Its themes Horror and campfire are close to your recent interests."))
                #expect(h4.themes.map(\.theme) == ["Horror"] && h4.text.hasSuffix(" Its theme Horror is close to your recent interests."))
                for item in list.items {
                    let why = try #require(item.explanation)
                    let own = Set(item.genres + (keywords[ItemID(item.id)] ?? []))
                    #expect(why.themes.allSatisfy { own.contains($0.theme) }, "themes are the item's own genres and keywords")
                    #expect(why.evidence.allSatisfy { why.text.contains($0.title) || $0.weight <= 0 })
                }
            }
        }
    }
}
