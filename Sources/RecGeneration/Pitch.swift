/// A short, personal description of a recommended item and which generator wrote it.
public struct Pitch: Sendable, Hashable, Codable {
    /// Which generator wrote a pitch.
    public enum Generator: String, Sendable, Codable {
        /// ``OfflinePitchGenerator``: sentences of the catalogue text, chosen and ordered for the user.
        case offline
        /// ``OpenAIChatPitchGenerator``: a language model over the chat-completions API.
        case llm
    }

    /// The pitch, one to three sentences.
    public var text: String
    /// Who wrote ``text``.
    public var generator: Generator
    /// The language model's name when ``generator`` is ``Generator/llm``.
    public var model: String?
    /// Why a language model's text was not used, when the offline generator stood in for it.
    public var fallbackReason: String?

    /// Creates a pitch.
    public init(text: String, generator: Generator, model: String? = nil, fallbackReason: String? = nil) {
        self.text = text
        self.generator = generator
        self.model = model
        self.fallbackReason = fallbackReason
    }
}
