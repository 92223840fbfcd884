import RecCore

/// The one error type of `RecImport`: a file could not be imported.
public typealias ImportError = MarqueeError<ImportErrorCode>

/// Kinds of `ImportError`; a struct over a private enum so that kinds can be added without breaking callers.
public struct ImportErrorCode: Hashable, Sendable, CustomStringConvertible {
    private enum Kind: String, Sendable {
        case fileNotFound, unreadable, wrongEncoding, emptyFile, truncated, unknownFormat, badRow, rejectedRows
        case badHeader, invalidMapping
    }
    private let kind: Kind
    private init(_ kind: Kind) { self.kind = kind }
    /// `fileNotFound`
    public static let fileNotFound = ImportErrorCode(.fileNotFound)
    /// `unreadable`
    public static let unreadable = ImportErrorCode(.unreadable)
    /// `wrongEncoding`
    public static let wrongEncoding = ImportErrorCode(.wrongEncoding)
    /// `emptyFile`
    public static let emptyFile = ImportErrorCode(.emptyFile)
    /// `truncated`
    public static let truncated = ImportErrorCode(.truncated)
    /// `unknownFormat`
    public static let unknownFormat = ImportErrorCode(.unknownFormat)
    /// `badRow`
    public static let badRow = ImportErrorCode(.badRow)
    /// `rejectedRows`
    public static let rejectedRows = ImportErrorCode(.rejectedRows)
    /// `badHeader`: a CSV header lacks a column the format needs.
    public static let badHeader = ImportErrorCode(.badHeader)
    /// `invalidMapping`: an event column mapping names an unknown field or repeats one.
    public static let invalidMapping = ImportErrorCode(.invalidMapping)
    public var description: String { kind.rawValue }
}
