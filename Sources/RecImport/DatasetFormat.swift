import RecCore

/// The layouts of data `DatasetImporter` reads. MovieLens and MovieTweetings are folders of fixed files;
/// the event formats are one file whose columns (or keys) an ``EventMapping`` names.
public enum DatasetFormat: Sendable, Hashable, CustomStringConvertible {
    /// MovieLens 100K: `u.data` (tab-separated ratings), `u.item` (Latin-1), `u.genre`, optional `u.user`.
    case movieLens100K
    /// MovieLens 1M: `ratings.dat`, `movies.dat` (Latin-1), optional `users.dat`, all `::`-separated.
    case movieLens1M
    /// MovieLens latest (e.g. `ml-latest-small`): `ratings.csv`, `movies.csv`, optional `tags.csv`, `links.csv`.
    case movieLensLatest
    /// MovieTweetings: `ratings.dat` (0–10), `movies.dat` (UTF-8); item ids are IMDb numbers.
    /// `users.dat` maps users to Twitter accounts and is never read.
    case movieTweetings
    /// One RFC 4180 CSV file of events with a header row; `mapping` names the columns.
    case csvEvents(EventMapping)
    /// One JSON Lines file of events, one object per line; `mapping` names the keys.
    case jsonLinesEvents(EventMapping)

    /// The scale this format's ratings are on: 1–5 for MovieLens 100K and 1M, half stars for MovieLens
    /// latest, 0–10 for MovieTweetings, the mapping's scale for event files.
    public var scale: RatingScale {
        switch self {
        case .movieLens100K, .movieLens1M: .oneToFive
        case .movieLensLatest: .halfStars
        case .movieTweetings: .zeroToTen
        case .csvEvents(let mapping), .jsonLinesEvents(let mapping): mapping.scale
        }
    }

    /// Whether the format is a folder of files rather than one file.
    public var isFolder: Bool {
        switch self {
        case .movieLens100K, .movieLens1M, .movieLensLatest, .movieTweetings: true
        case .csvEvents, .jsonLinesEvents: false
        }
    }

    /// The format's name for people, e.g. `"MovieLens 100K"`.
    public var description: String {
        switch self {
        case .movieLens100K: "MovieLens 100K"
        case .movieLens1M: "MovieLens 1M"
        case .movieLensLatest: "MovieLens latest"
        case .movieTweetings: "MovieTweetings"
        case .csvEvents: "CSV events"
        case .jsonLinesEvents: "JSON Lines events"
        }
    }
}
