import RecCore

/// The movies the server can show, indexed for the routes: by id, and newest first for `/v1/latest`.
public struct Catalogue: Sendable {
    /// Every item by id.
    public private(set) var items: [ItemID: Item]
    /// Item ids by release year, newest first (unknown years last), then by id.
    public private(set) var newestFirst: [ItemID]

    /// A catalogue of `items`.
    /// - Complexity: O(n log n).
    public init(_ items: [Item]) {
        self.items = Dictionary(items.map { ($0.id, $0) }, uniquingKeysWith: { _, later in later })
        newestFirst = []
        sortNewestFirst()
    }

    /// Adds or replaces `items`.
    /// - Complexity: O(n log n) over the whole catalogue.
    public mutating func upsert(_ changed: [Item]) {
        for item in changed { items[item.id] = item }
        sortNewestFirst()
    }

    /// Removes the item `id`.
    /// - Complexity: O(n).
    public mutating func remove(_ id: ItemID) {
        guard items.removeValue(forKey: id) != nil else { return }
        newestFirst.removeAll { $0 == id }
    }

    private mutating func sortNewestFirst() {
        newestFirst = items.values.sorted { a, b in
            (a.year ?? Int.min, b.id) > (b.year ?? Int.min, a.id)
        }.map(\.id)
    }
}
