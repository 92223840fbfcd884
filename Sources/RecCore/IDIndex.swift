/// A bijection between ids and dense indices `0..<count`, in order of first insertion.
///
/// Algorithms store factors and biases in arrays indexed by these positions.
/// - Complexity: lookup and insertion are O(1) on average.
public struct IDIndex<ID: Hashable & Sendable & Codable>: Sendable, Codable {
    /// Ids by index.
    public private(set) var ids: [ID] = []
    private var positions: [ID: Int] = [:]

    /// An empty index.
    public init() {}

    /// An index over `ids` in the given order; duplicates keep their first position.
    public init<S: Sequence>(_ ids: S) where S.Element == ID {
        for id in ids { insert(id) }
    }

    /// Decodes from the list of ids.
    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode([ID].self))
    }

    /// Encodes as the list of ids.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(ids)
    }

    /// Number of ids.
    public var count: Int { ids.count }

    /// The dense index of `id`, or `nil` if unknown.
    @inlinable
    public func index(of id: ID) -> Int? { lookup(id) }

    @usableFromInline
    func lookup(_ id: ID) -> Int? { positions[id] }

    /// The id at dense index `index`.
    public subscript(index: Int) -> ID { ids[index] }

    /// Adds `id` if new; returns its index either way.
    @discardableResult
    public mutating func insert(_ id: ID) -> Int {
        if let existing = positions[id] { return existing }
        positions[id] = ids.count
        ids.append(id)
        return ids.count - 1
    }
}
