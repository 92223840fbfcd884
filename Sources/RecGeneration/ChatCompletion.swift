/// The request and response bodies of the OpenAI chat-completions API (`POST /chat/completions`), the
/// fields ``OpenAIChatPitchGenerator`` uses. Package-visible for the test server that speaks the protocol.
package enum ChatCompletion {
    /// One chat message.
    package struct Message: Codable, Sendable, Equatable {
        /// `system`, `user` or `assistant`.
        package var role: String
        /// The text; `nil` is allowed in responses.
        package var content: String?
    }

    /// A non-streaming completion request.
    package struct Request: Codable, Sendable, Equatable {
        package var model: String
        package var messages: [Message]
        package var temperature: Double
        package var maximumTokens: Int
        package var stream = false

        enum CodingKeys: String, CodingKey {
            case model, messages, temperature, stream
            case maximumTokens = "max_tokens"
        }
    }

    /// A completion response: the first choice's message is the answer.
    package struct Response: Codable, Sendable {
        struct Choice: Codable, Sendable {
            var message: Message
        }
        var choices: [Choice]
    }
}
