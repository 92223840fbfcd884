import RecCore

/// The one error type of `RecServer` outside request handling (configuration, start-up, keys).
public typealias ServerError = MarqueeError<ServerErrorCode>

/// Kinds of `ServerError`; a struct over a private enum so that kinds can be added without breaking callers.
public struct ServerErrorCode: Hashable, Sendable, CustomStringConvertible {
    private enum Kind: String, Sendable { case invalidConfiguration, unknownKey }
    private let kind: Kind
    private init(_ kind: Kind) { self.kind = kind }
    /// `invalidConfiguration`: a setting is out of range or unreadable.
    public static let invalidConfiguration = ServerErrorCode(.invalidConfiguration)
    /// `unknownKey`: no valid API key has the given id.
    public static let unknownKey = ServerErrorCode(.unknownKey)
    public var description: String { kind.rawValue }
}
