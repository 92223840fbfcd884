import Hummingbird
import RecCore

/// A catalogue entry as the API sends and receives it.
public struct CatalogueItem: ResponseEncodable, Codable, Sendable, Equatable {
    /// The item's id (1 to 256 characters). Required in batches; in `PUT /v1/items/{item}` the path's id wins.
    public var id: String?
    /// Title without the year (at most 1,000 characters).
    public var title: String
    /// Release year.
    public var year: Int?
    /// Genre names.
    public var genres: [String]?
    /// IMDb id, e.g. `"0114709"`.
    public var imdbId: String?
    /// TMDB id.
    public var tmdbId: Int?
    /// Marketing line (at most 1,000 characters); absent or empty keeps the stored one.
    public var tagline: String?
    /// Plot summary (at most 10,000 characters); absent or empty keeps the stored one.
    public var overview: String?
    /// Keywords, most relevant first (at most 100); absent or empty keeps the stored ones.
    public var keywords: [String]?

    /// The API form of `item`.
    init(_ item: Item) {
        id = item.id.rawValue
        title = item.title
        year = item.year
        genres = item.genres
        imdbId = item.externalIDs.imdb
        tmdbId = item.externalIDs.tmdb
        tagline = item.tagline
        overview = item.overview
        keywords = item.keywords
    }

    /// The Core form with the given id.
    func item(id: String) -> Item {
        Item(id: ItemID(id), title: title, year: year, genres: genres ?? [],
             externalIDs: ExternalIDs(imdb: imdbId, tmdb: tmdbId), tagline: tagline ?? "", overview: overview ?? "",
             keywords: keywords ?? [])
    }
}

/// Several catalogue entries to upsert in one transaction.
public struct CatalogueBatch: Codable, Sendable {
    /// The items, at most 10,000.
    public var items: [CatalogueItem]
}

/// How many catalogue entries an upsert stored, and how many of them were new.
public struct CatalogueReceipt: ResponseEncodable, Decodable, Sendable, Equatable {
    /// Items in the request.
    public var accepted: Int
    /// Items that were not in the catalogue before.
    public var new: Int
}
