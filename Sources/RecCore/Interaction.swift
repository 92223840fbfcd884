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

    /// The temporal order of the top-N protocols, the temporal holdout and ``RecencyWeighting``: ascending
    /// timestamp, an unknown one before every known one, ties by item id.
    public static func temporallyPrecedes(_ a: Interaction, _ b: Interaction) -> Bool {
        (a.timestamp ?? .min, a.item) < (b.timestamp ?? .min, b.item)
    }
}
