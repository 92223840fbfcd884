import RecCore

/// The one error type of `RecStore`: the store could not read or write.
public typealias StoreError = MarqueeError<StoreErrorCode>

/// Kinds of `StoreError`; a struct over a private enum so that kinds can be added without breaking callers.
public struct StoreErrorCode: Hashable, Sendable, CustomStringConvertible {
    private enum Kind: String, Sendable { case openFailed, migrationFailed, notFound, conflict, invalidValue, backend }
    private let kind: Kind
    private init(_ kind: Kind) { self.kind = kind }
    /// `openFailed`
    public static let openFailed = StoreErrorCode(.openFailed)
    /// `migrationFailed`
    public static let migrationFailed = StoreErrorCode(.migrationFailed)
    /// `notFound`
    public static let notFound = StoreErrorCode(.notFound)
    /// `conflict`
    public static let conflict = StoreErrorCode(.conflict)
    /// `invalidValue`: a value the store cannot keep faithfully, e.g. a non-finite interaction value.
    public static let invalidValue = StoreErrorCode(.invalidValue)
    /// `backend`
    public static let backend = StoreErrorCode(.backend)
    public var description: String { kind.rawValue }
}
