/// The request and response bodies of the OpenAI chat-completions API (`POST /chat/completions`), the
/// fields ``OpenAIChatPitchGenerator`` uses.
enum ChatCompletion {
    /// One chat message.
    struct Message: Codable, Sendable, Equatable {
        /// `system`, `user` or `assistant`.
        var role: String
        /// The text; `nil` is allowed in responses.
        var content: String?
    }

    /// A non-streaming completion request.
    struct Request: Codable, Sendable, Equatable {
        var model: String
        var messages: [Message]
        var temperature: Double
        var maximumTokens: Int
        var stream = false

        enum CodingKeys: String, CodingKey {
            case model, messages, temperature, stream
            case maximumTokens = "max_tokens"
        }
    }

    /// A completion response: the first choice's message is the answer.
    struct Response: Codable, Sendable {
        struct Choice: Codable, Sendable {
            var message: Message
        }
        var choices: [Choice]
    }
}
