/// The shape every Marquee target's error takes: a stable `code`, a message for people, an optional
/// underlying error and where it was raised. Each target names its own instance, e.g.
/// `public typealias ImportError = MarqueeError<ImportErrorCode>`, so callers catch one type per target.
///
/// The message says what to fix, naming file, line, field, what was expected and what was found where
/// that applies: `ratings.csv:1042: field 'rating': expected a number in [0.5, 5], got "4,5"`.
public struct MarqueeError<Code: Hashable & Sendable & CustomStringConvertible>: Error, Sendable, CustomStringConvertible {
    /// What kind of failure; match on it.
    public var code: Code
    /// What went wrong and what to do about it.
    public var message: String
    /// The error that caused this one, if any.
    public var underlying: (any Error & Sendable)?
    /// Where in Marquee it was raised.
    public var location: SourceLocation

    /// Creates an error; the location defaults to the caller's.
    public init(_ code: Code, _ message: String, underlying: (any Error & Sendable)? = nil,
                file: String = #fileID, line: Int = #line) {
        self.code = code
        self.message = message
        self.underlying = underlying
        self.location = SourceLocation(file: file, line: line)
    }

    public var description: String {
        guard let underlying else { return message }
        return "\(message) (\(underlying))"
    }
}
