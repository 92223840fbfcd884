import RecCore

/// Rows to write to a ``Store`` in one transaction.
public struct StoreBatch: Sendable {
    /// Catalogue entries to upsert.
    public var items: [Item]
    /// Users to upsert.
    public var users: [User]
    /// Interactions to insert unless already present. Users and items they name that are not in
    /// the store or the batch are created with empty details.
    public var interactions: [Interaction]
    /// Tags to insert unless already present.
    public var tags: [Tag]

    /// Creates a batch; every part defaults to empty.
    public init(items: [Item] = [], users: [User] = [], interactions: [Interaction] = [], tags: [Tag] = []) {
        self.items = items
        self.users = users
        self.interactions = interactions
        self.tags = tags
    }
}

/// How many rows a ``Store/write(_:)`` added (new rows only; upserted existing ones are not counted).
public struct StoreWriteSummary: Sendable, Hashable, Codable {
    /// New items.
    public var items: Int
    /// New users.
    public var users: Int
    /// New interactions.
    public var interactions: Int
    /// New tags.
    public var tags: Int

    /// Creates a summary.
    public init(items: Int = 0, users: Int = 0, interactions: Int = 0, tags: Int = 0) {
        self.items = items
        self.users = users
        self.interactions = interactions
        self.tags = tags
    }
}

/// Number of rows in each table of a ``Store``.
public typealias StoreCounts = StoreWriteSummary
