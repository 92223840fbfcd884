import Foundation
import RecCore

/// One movie of the Kaggle "TMDB 5000 Movie Dataset" (`tmdb_5000_movies.csv`): the descriptive text that
/// content-based models embed, keyed by TMDB id (MovieLens `links.csv` maps its movies to these ids).
public struct TMDBMovie: Sendable, Hashable {
    /// The TMDB id (`id` column).
    public var id: Int
    /// Title as TMDB spells it.
    public var title: String
    /// Plot summary; may be empty.
    public var overview: String
    /// Marketing line; may be empty.
    public var tagline: String
    /// Keyword names, in the file's order.
    public var keywords: [String]
    /// Genre names, in the file's order.
    public var genres: [String]

    /// Creates a movie.
    public init(id: Int, title: String, overview: String = "", tagline: String = "", keywords: [String] = [],
                genres: [String] = []) {
        self.id = id
        self.title = title
        self.overview = overview
        self.tagline = tagline
        self.keywords = keywords
        self.genres = genres
    }

    /// The file's header, which ``read(_:)`` checks.
    static let header = ["budget", "genres", "homepage", "id", "keywords", "original_language", "original_title",
                         "overview", "popularity", "production_companies", "production_countries", "release_date",
                         "revenue", "runtime", "spoken_languages", "status", "tagline", "title", "vote_average",
                         "vote_count"]

    /// Reads every movie of `tmdb_5000_movies.csv` (RFC 4180 CSV, UTF-8; `genres` and `keywords` are JSON arrays
    /// of `{"id": …, "name": …}`).
    /// - Throws: `ImportError` `.fileNotFound`, `.badHeader`, `.wrongEncoding`, `.truncated`; `.rejectedRows`
    ///   naming the first bad row (an id that is not an integer, a genre or keyword list that is not that JSON).
    /// - Complexity: O(file size).
    public static func read(_ url: URL) throws(ImportError) -> [TMDBMovie] {
        let reader = try RecordReader(url: url, dialect: .csv, encoding: .utf8, progress: nil)
        try reader.expectHeader(header)
        var movies: [TMDBMovie] = []
        try reader.forEachRow(fieldCount: header.count) { row throws(RowError) in
            movies.append(TMDBMovie(id: try row.integer(3, "id"), title: row.text(17), overview: row.text(7),
                                    tagline: row.text(16), keywords: try names(row, 4, "keywords"),
                                    genres: try names(row, 1, "genres")))
        }
        if let first = reader.rejected.first {
            throw ImportError(.rejectedRows, "\(reader.name): \(reader.rejected.count) bad rows, first: \(first)")
        }
        return movies
    }

    /// The `name`s of a JSON array of `{"id", "name"}` objects in field `index`.
    private static func names(_ row: Record, _ index: Int, _ field: String) throws(RowError) -> [String] {
        struct Named: Decodable { var name: String }
        let text = row.text(index)
        guard !text.isEmpty else { return [] }
        do {
            return try JSONDecoder().decode([Named].self, from: Data(text.utf8)).map(\.name)
        } catch {
            throw row.context.error(field, expected: "a JSON array of {\"id\", \"name\"} objects", found: text)
        }
    }
}
