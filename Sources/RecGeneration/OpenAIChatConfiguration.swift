import Foundation

/// Options of ``OpenAIChatPitchGenerator``: where the OpenAI-compatible chat-completions server is, which
/// model to ask, and how patiently.
public struct OpenAIChatConfiguration: Sendable, Codable, Equatable {
    /// The API root; requests go to `baseURL/chat/completions`, e.g. `https://api.openai.com/v1` or
    /// `http://127.0.0.1:8000/v1` for a local llama.cpp server.
    public var baseURL: URL
    /// The model name sent in each request.
    public var model: String
    /// Sent as `Authorization: Bearer …` when set.
    public var apiKey: String?
    /// Seconds one attempt may wait for its answer.
    public var timeout: Double
    /// Further attempts after a failed one (connection error, timeout, HTTP 429 or 5xx); other failures are final.
    public var maximumRetries: Int
    /// Seconds before the first retry; each later retry waits twice as long as the one before.
    public var initialBackoff: Double
    /// Requests in flight at once; further pitches wait for a slot.
    public var maximumConcurrentRequests: Int
    /// Sampling temperature sent with each request.
    public var temperature: Double
    /// Most tokens the model may write per pitch.
    public var maximumTokens: Int
    /// Pitches kept, per (item, interest fingerprint); the oldest is dropped first.
    public var cacheCapacity: Int
    /// Whether the user's own review texts (``InterestSummary/reviews``) may go into prompts; off by default, so
    /// a remote model never sees what users wrote unless the operator decides it may.
    public var includesReviews: Bool

    /// Creates a configuration.
    public init(baseURL: URL, model: String, apiKey: String? = nil, timeout: Double = 20, maximumRetries: Int = 2,
                initialBackoff: Double = 0.5, maximumConcurrentRequests: Int = 4, temperature: Double = 0.3,
                maximumTokens: Int = 120, cacheCapacity: Int = 10_000, includesReviews: Bool = false) {
        self.baseURL = baseURL
        self.model = model
        self.apiKey = apiKey
        self.timeout = timeout
        self.maximumRetries = maximumRetries
        self.initialBackoff = initialBackoff
        self.maximumConcurrentRequests = maximumConcurrentRequests
        self.temperature = temperature
        self.maximumTokens = maximumTokens
        self.cacheCapacity = cacheCapacity
        self.includesReviews = includesReviews
    }

    /// Checks every value is in range.
    /// - Throws: ``GenerationError`` `.invalidConfiguration` naming the field, what was expected and what was found.
    public func validate() throws(GenerationError) {
        func fail(_ field: String, _ expected: String, _ found: Any) -> GenerationError {
            GenerationError(.invalidConfiguration, "OpenAIChatConfiguration.\(field): expected \(expected); found \(found)")
        }
        guard ["http", "https"].contains(baseURL.scheme?.lowercased() ?? "") else { throw fail("baseURL", "an http or https URL", baseURL) }
        guard !model.trimmingCharacters(in: .whitespaces).isEmpty else { throw fail("model", "a model name", "an empty name") }
        guard timeout > 0, timeout.isFinite else { throw fail("timeout", "seconds > 0", timeout) }
        guard maximumRetries >= 0 else { throw fail("maximumRetries", "an integer ≥ 0", maximumRetries) }
        guard initialBackoff >= 0, initialBackoff.isFinite else { throw fail("initialBackoff", "seconds ≥ 0", initialBackoff) }
        guard maximumConcurrentRequests >= 1 else { throw fail("maximumConcurrentRequests", "an integer ≥ 1", maximumConcurrentRequests) }
        guard (0...2).contains(temperature) else { throw fail("temperature", "a number from 0 to 2", temperature) }
        guard maximumTokens >= 1 else { throw fail("maximumTokens", "an integer ≥ 1", maximumTokens) }
        guard cacheCapacity >= 0 else { throw fail("cacheCapacity", "an integer ≥ 0", cacheCapacity) }
    }

    /// The chat-completions endpoint.
    var completionsURL: URL { baseURL.appendingPathComponent("chat").appendingPathComponent("completions") }
}
