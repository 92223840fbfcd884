import Foundation
import RecCore

/// Which column (CSV header name) or key (JSON Lines) of an event file holds each part of an
/// ``Interaction``, and the scale ratings are on.
///
/// Defaults read a header `user,item,rating,timestamp,kind`. `user` and `item` must be present; the others
/// may be missing from the file. How a row becomes an interaction:
/// - `kind`, when given, is an ``InteractionKind`` raw value: `rating`, `like`, `dislike`, `watched`, `skipped`.
/// - Without a kind, a row with a rating is a `.rating`; a row with neither is ``unratedKind`` (`.watched`).
/// - A `.rating` needs a rating on ``scale``; another kind keeps a given rating as its weight, unchecked.
/// - A missing or empty timestamp is `nil`; otherwise it must be whole Unix seconds.
public struct EventMapping: Sendable, Hashable, Codable {
    /// The parts of an event a mapping places.
    public enum Field: String, Sendable, Hashable, Codable, CaseIterable {
        /// Who acted. Required.
        case user
        /// On what. Required.
        case item
        /// The rating, or an implicit event's weight.
        case rating
        /// Unix seconds.
        case timestamp
        /// An ``InteractionKind`` raw value.
        case kind
    }

    /// Column or key of the user id.
    public var user: String
    /// Column or key of the item id.
    public var item: String
    /// Column or key of the rating.
    public var rating: String
    /// Column or key of the timestamp, in Unix seconds.
    public var timestamp: String
    /// Column or key of the interaction kind.
    public var kind: String
    /// The scale ratings are on; default 1…5 by 1, as MovieLens.
    public var scale: RatingScale
    /// The kind of a row with neither kind nor rating; default `.watched`.
    public var unratedKind: InteractionKind

    /// Creates a mapping; every parameter has the default described on the type.
    public init(user: String = "user", item: String = "item", rating: String = "rating",
                timestamp: String = "timestamp", kind: String = "kind",
                scale: RatingScale = .oneToFive, unratedKind: InteractionKind = .watched) {
        self.user = user
        self.item = item
        self.rating = rating
        self.timestamp = timestamp
        self.kind = kind
        self.scale = scale
        self.unratedKind = unratedKind
    }

    /// Parses a command-line mapping such as `"user=uid,item=movie,rating=stars"`; fields not named keep
    /// their default column name.
    /// - Throws: `ImportError` `.invalidMapping` naming an unknown field, a repeated one, or a pair
    ///   without `=` or without a column.
    public init(parsing text: String, scale: RatingScale = .oneToFive) throws(ImportError) {
        self.init(scale: scale)
        var seen: Set<Field> = []
        for pair in text.split(separator: ",", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[1].isEmpty else {
                throw ImportError(.invalidMapping, "event mapping: expected field=column, got \"\(pair)\"")
            }
            guard let field = Field(rawValue: parts[0]) else {
                throw ImportError(.invalidMapping,
                                  "event mapping: unknown field \"\(parts[0])\"; expected one of \(Self.fieldNames)")
            }
            guard seen.insert(field).inserted else {
                throw ImportError(.invalidMapping, "event mapping: field \"\(field.rawValue)\" given twice")
            }
            self[field] = parts[1]
        }
    }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case user, item, rating, timestamp, kind, scale, unratedKind
    }

    /// The mapping's keys, for messages.
    private static let fieldNames = Field.allCases.map(\.rawValue).joined(separator: ", ")

    /// Decodes a mapping from a configuration file; a missing key keeps its default.
    /// - Throws: `DecodingError.dataCorrupted` naming an unknown key and the keys allowed, or a type mismatch.
    public init(from decoder: any Decoder) throws {
        let known = Set(CodingKeys.allCases.map(\.stringValue))
        let any = try decoder.container(keyedBy: AnyCodingKey.self)
        if let unknown = any.allKeys.first(where: { !known.contains($0.stringValue) }) {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath + [unknown],
                debugDescription: """
                    unknown key "\(unknown.stringValue)" in event mapping; expected one of \
                    \(CodingKeys.allCases.map(\.stringValue).joined(separator: ", "))
                    """))
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = EventMapping()
        self.init(
            user: try container.decodeIfPresent(String.self, forKey: .user) ?? defaults.user,
            item: try container.decodeIfPresent(String.self, forKey: .item) ?? defaults.item,
            rating: try container.decodeIfPresent(String.self, forKey: .rating) ?? defaults.rating,
            timestamp: try container.decodeIfPresent(String.self, forKey: .timestamp) ?? defaults.timestamp,
            kind: try container.decodeIfPresent(String.self, forKey: .kind) ?? defaults.kind,
            scale: try container.decodeIfPresent(RatingScale.self, forKey: .scale) ?? defaults.scale,
            unratedKind: try container.decodeIfPresent(InteractionKind.self, forKey: .unratedKind) ?? defaults.unratedKind)
    }

    /// A coding key for whatever keys a decoded object has.
    private struct AnyCodingKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// The column or key mapped to `field`.
    public subscript(field: Field) -> String {
        get {
            switch field {
            case .user: user
            case .item: item
            case .rating: rating
            case .timestamp: timestamp
            case .kind: kind
            }
        }
        set {
            switch field {
            case .user: user = newValue
            case .item: item = newValue
            case .rating: rating = newValue
            case .timestamp: timestamp = newValue
            case .kind: kind = newValue
            }
        }
    }
}
