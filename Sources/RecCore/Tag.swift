/// A free-text tag a user put on an item (MovieLens `tags.csv`).
public struct Tag: Sendable, Hashable, Codable {
    /// Who tagged.
    public var user: UserID
    /// What was tagged.
    public var item: ItemID
    /// The tag as typed.
    public var text: String
    /// When, in Unix seconds.
    public var timestamp: Int64?

    /// Creates a tag.
    public init(user: UserID, item: ItemID, text: String, timestamp: Int64? = nil) {
        self.user = user
        self.item = item
        self.text = text
        self.timestamp = timestamp
    }
}
