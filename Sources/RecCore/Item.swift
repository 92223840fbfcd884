/// A catalogue entry: a movie with the facts recommendations show and explanations may cite.
public struct Item: Sendable, Hashable, Codable, Identifiable {
    /// The item's id in the source.
    public var id: ItemID
    /// Title without the trailing year, e.g. `"Toy Story"`.
    public var title: String
    /// Release year, when known.
    public var year: Int?
    /// Genre names as the source spells them, e.g. `["Animation", "Comedy"]`.
    public var genres: [String]
    /// Ids in other catalogues.
    public var externalIDs: ExternalIDs

    /// Creates an item.
    public init(id: ItemID, title: String, year: Int? = nil, genres: [String] = [], externalIDs: ExternalIDs = .init()) {
        self.id = id
        self.title = title
        self.year = year
        self.genres = genres
        self.externalIDs = externalIDs
    }
}
