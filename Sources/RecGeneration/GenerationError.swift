import RecCore

/// The one error type of `RecGeneration`: a language-model request failed or its answer was unusable.
/// Generators never throw it at their callers (they fall back to the offline pitch); it names the reason
/// in ``Pitch/fallbackReason`` and in logs.
public typealias GenerationError = MarqueeError<GenerationErrorCode>

/// Kinds of ``GenerationError``; a struct over a private enum so that kinds can be added without breaking callers.
public struct GenerationErrorCode: Hashable, Sendable, CustomStringConvertible {
    private enum Kind: String, Sendable { case transport, timeout, httpStatus, malformedResponse, unfaithful, invalidConfiguration }
    private let kind: Kind
    private init(_ kind: Kind) { self.kind = kind }
    /// `transport`: the connection failed (refused, reset, DNS).
    public static let transport = GenerationErrorCode(.transport)
    /// `timeout`: no answer within ``OpenAIChatConfiguration/timeout``.
    public static let timeout = GenerationErrorCode(.timeout)
    /// `httpStatus`: the server answered with a status other than 200.
    public static let httpStatus = GenerationErrorCode(.httpStatus)
    /// `malformedResponse`: the body is not a chat completion with a non-empty message.
    public static let malformedResponse = GenerationErrorCode(.malformedResponse)
    /// `unfaithful`: the text names a year, genre or name the item's catalogue facts do not hold.
    public static let unfaithful = GenerationErrorCode(.unfaithful)
    /// `invalidConfiguration`: an option is outside its allowed values.
    public static let invalidConfiguration = GenerationErrorCode(.invalidConfiguration)
    public var description: String { kind.rawValue }
}
