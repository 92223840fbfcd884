/// A catalogue entry: a movie with the facts recommendations show and explanations and pitches may cite.
///
/// The descriptive text (``tagline``, ``overview``, ``keywords``) is optional: imports of MovieLens or
/// MovieTweetings leave it empty, `marquee embed --tmdb` fills it from TMDB, the items API may set it. A stored
/// item keeps its text when it is written again with empty text (see ``RecStore/Store/write(_:)``).
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
    /// Marketing line, e.g. `"The adventure takes off!"`; may be empty.
    public var tagline: String
    /// Plot summary; may be empty.
    public var overview: String
    /// Keywords, most relevant first, e.g. `["toy", "friendship"]`; may be empty.
    public var keywords: [String]

    /// Creates an item.
    public init(id: ItemID, title: String, year: Int? = nil, genres: [String] = [], externalIDs: ExternalIDs = .init(),
                tagline: String = "", overview: String = "", keywords: [String] = []) {
        self.id = id
        self.title = title
        self.year = year
        self.genres = genres
        self.externalIDs = externalIDs
        self.tagline = tagline
        self.overview = overview
        self.keywords = keywords
    }
}
