import RecCore

/// The catalogue facts of one item that a pitch may use, and nothing else: every year, genre and name in a
/// pitch must come from here (``FaithfulnessCheck``).
public struct PitchFacts: Sendable, Hashable, Codable {
    /// The item's id; used for caching, never put in a prompt.
    public var item: ItemID
    /// Title without the year.
    public var title: String
    /// Release year, when known.
    public var year: Int?
    /// Genre names as the catalogue spells them.
    public var genres: [String]
    /// Marketing line; may be empty.
    public var tagline: String
    /// Plot summary; may be empty.
    public var overview: String
    /// Keywords or curated tags, most relevant first.
    public var keywords: [String]

    /// Creates the facts of an item.
    public init(item: ItemID, title: String, year: Int? = nil, genres: [String] = [], tagline: String = "",
                overview: String = "", keywords: [String] = []) {
        self.item = item
        self.title = title
        self.year = year
        self.genres = genres
        self.tagline = tagline
        self.overview = overview
        self.keywords = keywords
    }

    /// The facts of a catalogue item, with its descriptive text.
    public init(_ item: Item) {
        self.init(item: item.id, title: item.title, year: item.year, genres: item.genres, tagline: item.tagline,
                  overview: item.overview, keywords: item.keywords)
    }

    /// Every text field joined, the corpus that names in a pitch are looked up in.
    var corpus: String {
        ([title, tagline, overview] + genres + keywords + [year.map(String.init) ?? ""]).joined(separator: " \n ")
    }
}
