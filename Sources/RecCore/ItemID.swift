/// Identifies an item (a movie) by the id the data source gave it (e.g. MovieLens `"242"`, an IMDb number).
///
/// Ids are opaque strings: algorithms map them to dense indices through ``IDIndex``.
public struct ItemID: RawRepresentable, Hashable, Comparable, Sendable, Codable,
    ExpressibleByStringLiteral, CustomStringConvertible {
    /// The source's id, unchanged.
    public let rawValue: String

    /// Wraps a source id.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// Wraps a source id.
    public init(_ rawValue: String) { self.rawValue = rawValue }
    /// Wraps a literal id, for tests and examples.
    public init(stringLiteral value: String) { self.rawValue = value }
    /// Decodes from a plain JSON string.
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }
    /// Encodes as a plain JSON string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
    public static func < (lhs: ItemID, rhs: ItemID) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { rawValue }
}
