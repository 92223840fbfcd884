import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Pitches written by a language model behind an OpenAI-compatible chat-completions API (OpenAI, llama.cpp's
/// server, vLLM, Ollama), checked by ``FaithfulnessCheck``; when the model fails or writes something the
/// item's facts do not hold, the ``OfflinePitchGenerator`` writes the pitch and the result says why.
///
/// The prompt holds only the item's catalogue facts and the ``InterestSummary`` (``ChatPrompt``). Faithful
/// answers are cached per (item, interest fingerprint); at most
/// ``OpenAIChatConfiguration/maximumConcurrentRequests`` requests are in flight; failed attempts are retried
/// with exponential backoff. HTTP goes through Foundation's `URLSession` (libcurl on Linux).
public struct OpenAIChatPitchGenerator: PitchGenerator {
    /// The options in use.
    public let configuration: OpenAIChatConfiguration
    private let fallback: OfflinePitchGenerator
    private let check: FaithfulnessCheck
    private let cache: PitchCache
    private let limiter: ConcurrencyLimiter
    private let session: URLSession

    /// Creates a generator.
    /// - Parameters:
    ///   - configuration: server, model and limits.
    ///   - fallback: writes the pitch when the model's answer cannot be used.
    ///   - check: what a model's answer must pass.
    /// - Throws: ``GenerationError`` `.invalidConfiguration` for an option out of range.
    public init(configuration: OpenAIChatConfiguration, fallback: OfflinePitchGenerator = .init(),
                check: FaithfulnessCheck = .init()) throws(GenerationError) {
        try configuration.validate()
        self.configuration = configuration
        self.fallback = fallback
        self.check = check
        cache = PitchCache(capacity: configuration.cacheCapacity)
        limiter = ConcurrencyLimiter(limit: configuration.maximumConcurrentRequests)
        let sessionConfiguration = URLSessionConfiguration.ephemeral
        sessionConfiguration.timeoutIntervalForRequest = configuration.timeout
        sessionConfiguration.timeoutIntervalForResource = configuration.timeout
        session = URLSession(configuration: sessionConfiguration)
    }

    /// The pitch; the summary's review text reaches the model only when ``OpenAIChatConfiguration/includesReviews``.
    public func pitch(for facts: PitchFacts, interests given: InterestSummary) async -> Pitch {
        let interests = configuration.includesReviews ? given : given.withoutReviews
        let key = PitchCache.key(facts, interests)
        if let cached = await cache.pitch(for: key) { return cached }
        let messages = ChatPrompt.messages(for: facts, interests: interests)
        let reason: String
        switch await limiter.withSlot({ await complete(messages) }) {
        case .success(let answer):
            let text = Self.completeSentences(of: answer)
            let violations = check.violations(in: text, facts: facts)
            if ChatPrompt.isEcho(text) {
                reason = GenerationError(.unfaithful, "the model's text repeats the prompt's labels instead of pitching").message
            } else if violations.isEmpty {
                let pitch = Pitch(text: text, generator: .llm, model: configuration.model)
                await cache.store(pitch, for: key)
                return pitch
            } else {
                reason = GenerationError(.unfaithful, "the model's text mentions "
                                         + violations.map(\.description).joined(separator: ", ")
                                         + ", which the item's facts do not hold").message
            }
        case .failure(let error):
            reason = error.message
        }
        var pitch = await fallback.pitch(for: facts, interests: interests)
        pitch.fallbackReason = reason
        return pitch
    }

    /// `answer` trimmed, without a trailing unfinished sentence (an answer cut off by the token limit), unless it
    /// has no finished one.
    static func completeSentences(of answer: String) -> String {
        let text = answer.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let last = text.last, !".!?…\"'”’)".contains(last),
              let end = text.lastIndex(where: { ".!?…".contains($0) }) else { return text }
        return String(text[...end])
    }

    /// The model's answer to `messages`, retrying connection errors, timeouts, HTTP 429 and 5xx up to
    /// ``OpenAIChatConfiguration/maximumRetries`` times, waiting `initialBackoff · 2^attempt` seconds before each.
    func complete(_ messages: [ChatCompletion.Message]) async -> Result<String, GenerationError> {
        var attempt = 0
        while true {
            let failure: AttemptFailure
            switch await attemptCompletion(messages) {
            case .success(let answer): return .success(answer)
            case .failure(let error): failure = error
            }
            guard failure.isRetryable, attempt < configuration.maximumRetries else { return .failure(failure.error) }
            let delay = configuration.initialBackoff * pow(2, Double(attempt))
            do { try await Task.sleep(for: .seconds(delay)) } catch { return .failure(failure.error) }
            attempt += 1
        }
    }

    /// A failed attempt and whether another may succeed.
    struct AttemptFailure: Error {
        var error: GenerationError
        var isRetryable: Bool
    }

    /// One request and its parsed answer.
    private func attemptCompletion(_ messages: [ChatCompletion.Message]) async -> Result<String, AttemptFailure> {
        let url = configuration.completionsURL
        var request = URLRequest(url: url, timeoutInterval: configuration.timeout)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        if let key = configuration.apiKey { request.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization") }
        let body = ChatCompletion.Request(model: configuration.model, messages: messages,
                                          temperature: configuration.temperature, maximumTokens: configuration.maximumTokens)
        let data: Data, response: URLResponse
        do {
            request.httpBody = try JSONEncoder().encode(body)
            (data, response) = try await session.data(for: request)
        } catch let error as URLError where error.code == .timedOut {
            return .failure(AttemptFailure(
                error: GenerationError(.timeout, "\(url): no answer within \(configuration.timeout) s", underlying: error),
                isRetryable: true))
        } catch {
            return .failure(AttemptFailure(
                error: GenerationError(.transport, "\(url): request failed: \(error.localizedDescription)", underlying: error),
                isRetryable: true))
        }
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard status == 200 else {
            let excerpt = String(decoding: data.prefix(200), as: UTF8.self)
            return .failure(AttemptFailure(error: GenerationError(.httpStatus, "\(url): HTTP \(status): \(excerpt)"),
                                           isRetryable: status == 429 || (500...599).contains(status)))
        }
        guard let decoded = try? JSONDecoder().decode(ChatCompletion.Response.self, from: data),
              let content = decoded.choices.first?.message.content,
              !content.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            let excerpt = String(decoding: data.prefix(200), as: UTF8.self)
            return .failure(AttemptFailure(
                error: GenerationError(.malformedResponse, "\(url): expected a chat completion with a message; found \(excerpt)"),
                isRetryable: false))
        }
        return .success(content)
    }
}
