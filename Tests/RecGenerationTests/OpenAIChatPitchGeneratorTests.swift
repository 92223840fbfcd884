import Foundation
import RecCore
import Testing
@testable import RecGeneration
import RecGenerationTesting

/// The chat-completions client against ``ChatCompletionStub`` over a real loopback socket.
@Suite struct OpenAIChatPitchGeneratorTests {
    static let faithful = "For a tense night: the crew of the Nostromo answers a distress signal, and in space no one can hear you scream."

    /// A client of the stub. The default timeout is long so that a loaded test machine never turns a slow
    /// answer into a retry; the timeout test sets its own.
    static func generator(_ url: URL, timeout: Double = 60, retries: Int = 2, concurrency: Int = 4,
                          includesReviews: Bool = false) throws -> OpenAIChatPitchGenerator {
        try OpenAIChatPitchGenerator(configuration: OpenAIChatConfiguration(
            baseURL: url, model: "stub-model", apiKey: "test-key", timeout: timeout, maximumRetries: retries,
            initialBackoff: 0.01, maximumConcurrentRequests: concurrency, includesReviews: includesReviews))
    }

    @Test func aFaithfulAnswerIsThePitchAndIsCached() async throws {
        let stub = ChatCompletionStub([.completion(Self.faithful)])
        try await stub.serve { url in
            let generator = try Self.generator(url)
            let pitch = await generator.pitch(for: Samples.alien, interests: Samples.spaceFan)
            #expect(pitch == Pitch(text: Self.faithful, generator: .llm, model: "stub-model"))
            let again = await generator.pitch(for: Samples.alien, interests: Samples.spaceFan)
            #expect(again == pitch)
            let received = await stub.received
            #expect(received.count == 1, "the second pitch for the same item and interests comes from the cache")
            let request = try #require(received.first)
            #expect(request.authorization == "Bearer test-key")
            #expect(request.body.model == "stub-model")
            #expect(request.body.stream == false)
            #expect(request.body.messages.map(\.role) == ["system", "user"])
            let prompt = request.body.messages.last?.content ?? ""
            #expect(prompt.contains("Title: Alien") && prompt.contains("Year: 1979") && prompt.contains("Nostromo"))
            #expect(prompt.contains("Themes they like: Sci-Fi, Thriller, space"))
            #expect(!prompt.contains("1214"), "the item id stays out of the prompt")
            _ = await generator.pitch(for: Samples.alien, interests: Samples.familyFan)
            #expect(await stub.received.count == 2, "other interests are another cache entry")
        }
    }

    @Test func reviewTextReachesThePromptOnlyWhenTheOperatorAllowsIt() async throws {
        let review = "Loved the claustrophobic corridors, scared me for a week"
        let reviewer = InterestSummary(themes: ["Sci-Fi"], mood: "tense", reviews: [review])
        let stub = ChatCompletionStub([.completion(Self.faithful)])
        try await stub.serve { url in
            _ = try await Self.generator(url).pitch(for: Samples.alien, interests: reviewer)
            _ = try await Self.generator(url, includesReviews: true).pitch(for: Samples.alien, interests: reviewer)
            let prompts = await stub.received.map { $0.body.messages.last?.content ?? "" }
            #expect(prompts.count == 2)
            #expect(!prompts[0].contains("claustrophobic") && !prompts[0].contains("What they wrote"), "off by default")
            #expect(prompts[1].contains("What they wrote about films they liked:\n- \(review)"))
        }
    }

    @Test func anAnswerCutOffByTheTokenLimitEndsAtItsLastFullSentence() async throws {
        let stub = ChatCompletionStub([.completion(Self.faithful + " Then the crew of the")])
        try await stub.serve { url in
            let pitch = try await Self.generator(url).pitch(for: Samples.alien, interests: Samples.spaceFan)
            #expect(pitch.generator == .llm)
            #expect(pitch.text == Self.faithful)
        }
        #expect(OpenAIChatPitchGenerator.completeSentences(of: "no full stop at all") == "no full stop at all")
    }

    @Test func aServerErrorIsRetriedWithBackoff() async throws {
        let stub = ChatCompletionStub([.status(500), .status(503), .completion(Self.faithful)])
        try await stub.serve { url in
            let pitch = try await Self.generator(url, retries: 2).pitch(for: Samples.alien, interests: Samples.spaceFan)
            #expect(pitch.generator == .llm)
            #expect(pitch.text == Self.faithful)
            #expect(await stub.received.count == 3)
        }
    }

    @Test func aRateLimitIsRetried() async throws {
        let stub = ChatCompletionStub([.status(429), .completion(Self.faithful)])
        try await stub.serve { url in
            let pitch = try await Self.generator(url, retries: 1).pitch(for: Samples.alien, interests: Samples.spaceFan)
            #expect(pitch.generator == .llm)
            #expect(await stub.received.count == 2)
        }
    }

    @Test func retriesRunOutIntoTheOfflinePitch() async throws {
        let stub = ChatCompletionStub([.status(500)])
        try await stub.serve { url in
            let pitch = try await Self.generator(url, retries: 1).pitch(for: Samples.alien, interests: Samples.spaceFan)
            #expect(pitch.generator == .offline)
            #expect(pitch.text == OfflinePitchGenerator().text(for: Samples.alien, interests: Samples.spaceFan))
            #expect(pitch.fallbackReason?.contains("HTTP 500") == true)
            #expect(await stub.received.count == 2)
        }
    }

    @Test func aClientErrorIsNotRetried() async throws {
        let stub = ChatCompletionStub([.status(401), .completion(Self.faithful)])
        try await stub.serve { url in
            let pitch = try await Self.generator(url, retries: 3).pitch(for: Samples.alien, interests: Samples.spaceFan)
            #expect(pitch.generator == .offline)
            #expect(pitch.fallbackReason?.contains("HTTP 401") == true)
            #expect(await stub.received.count == 1)
        }
    }

    @Test func aTimeoutFallsBackToTheOfflinePitch() async throws {
        let stub = ChatCompletionStub([.slow(3, Self.faithful)])
        try await stub.serve { url in
            let pitch = try await Self.generator(url, timeout: 0.5, retries: 0).pitch(for: Samples.alien, interests: Samples.spaceFan)
            #expect(pitch.generator == .offline)
            #expect(pitch.fallbackReason?.contains("no answer within 0.5 s") == true, "\(pitch.fallbackReason ?? "")")
        }
    }

    @Test func malformedJSONFallsBackToTheOfflinePitch() async throws {
        let stub = ChatCompletionStub([.malformed])
        try await stub.serve { url in
            let pitch = try await Self.generator(url).pitch(for: Samples.alien, interests: Samples.spaceFan)
            #expect(pitch.generator == .offline)
            #expect(pitch.fallbackReason?.contains("expected a chat completion") == true)
            #expect(await stub.received.count == 1, "a malformed answer is final")
        }
    }

    @Test func anUnfaithfulAnswerFallsBackAndIsNotCached() async throws {
        let invented = "Ridley Scott's 1979 classic stars Sigourney Weaver as a Western hero."
        let stub = ChatCompletionStub([.completion(invented), .completion(Self.faithful)])
        try await stub.serve { url in
            let generator = try Self.generator(url)
            let pitch = await generator.pitch(for: Samples.alien, interests: Samples.spaceFan)
            #expect(pitch.generator == .offline)
            let reason = try #require(pitch.fallbackReason)
            #expect(reason.contains("name 'Ridley'") && reason.contains("name 'Weaver'") && reason.contains("genre 'western'"))
            #expect(FaithfulnessCheck().isFaithful(pitch.text, to: Samples.alien))
            let second = await generator.pitch(for: Samples.alien, interests: Samples.spaceFan)
            #expect(second.generator == .llm, "a fallback is not cached: the next request asks the model again")
        }
    }

    @Test func anAnswerRepeatingThePromptFallsBack() async throws {
        let stub = ChatCompletionStub([.completion("Film: Alien Genres: Horror, Sci-Fi Viewer's interests: Themes they like: Sci-Fi")])
        try await stub.serve { url in
            let pitch = try await Self.generator(url).pitch(for: Samples.alien, interests: Samples.spaceFan)
            #expect(pitch.generator == .offline)
            #expect(pitch.fallbackReason?.contains("repeats the prompt") == true)
        }
    }

    @Test func aRefusedConnectionFallsBack() async throws {
        let url = try #require(URL(string: "http://127.0.0.1:9/v1"))
        let pitch = try await Self.generator(url, retries: 0).pitch(for: Samples.bare, interests: InterestSummary(themes: ["Crime"]))
        #expect(pitch.generator == .offline)
        #expect(pitch.text == "For your taste in Crime: Pulp Fiction (1994), a Crime and Drama film.")
        #expect(pitch.fallbackReason?.contains("request failed") == true)
    }

    @Test func requestsInFlightStayWithinTheLimit() async throws {
        let stub = ChatCompletionStub([.slow(0.05, Self.faithful)])
        try await stub.serve { url in
            let generator = try Self.generator(url, concurrency: 2)
            let pitches = await withTaskGroup(of: Pitch.self) { group in
                for index in 0..<6 {
                    var facts = Samples.alien
                    facts.item = ItemID("alien-\(index)")
                    group.addTask { await generator.pitch(for: facts, interests: Samples.spaceFan) }
                }
                return await group.reduce(into: [Pitch]()) { $0.append($1) }
            }
            #expect(pitches.count == 6 && pitches.allSatisfy { $0.generator == .llm })
            #expect(await stub.received.count == 6)
            #expect(await stub.mostInFlight <= 2)
        }
    }

    @Test func badOptionsAreNamed() throws {
        let url = try #require(URL(string: "ftp://example.com"))
        #expect(throws: GenerationError.self) { try OpenAIChatPitchGenerator(configuration: .init(baseURL: url, model: "m")) }
        do {
            _ = try OpenAIChatPitchGenerator(configuration: .init(baseURL: URL(string: "http://x")!, model: "m", timeout: 0))
            Issue.record("a zero timeout was accepted")
        } catch {
            #expect(error.message.contains("timeout"))
        }
    }
}
