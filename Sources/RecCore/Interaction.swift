/// One event between a user and an item: a rating, a like, a watch.
///
/// Two interactions are the same event when user, item, kind and timestamp agree; stores use that
/// identity to make re-imports idempotent.
public struct Interaction: Sendable, Hashable, Codable {
    /// Who acted.
    public var user: UserID
    /// On what.
    public var item: ItemID
    /// What they did.
    public var kind: InteractionKind
    /// The rating for `.rating`, on the data set's scale; `nil` for implicit kinds unless the source gave a weight.
    public var value: Float?
    /// When, in Unix seconds; `nil` when the source does not say.
    public var timestamp: Int64?

    /// Creates an interaction.
    public init(user: UserID, item: ItemID, kind: InteractionKind = .rating, value: Float? = nil, timestamp: Int64? = nil) {
        self.user = user
        self.item = item
        self.kind = kind
        self.value = value
        self.timestamp = timestamp
    }
}
