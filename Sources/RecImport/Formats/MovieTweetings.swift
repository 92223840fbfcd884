import Foundation
import RecCore

/// Reads MovieTweetings: `ratings.dat` (`user::movie::rating::timestamp`, ratings 0–10 kept on that scale)
/// and `movies.dat` (UTF-8, `movie_id::Title (Year)::Genre|Genre`, genres possibly empty).
///
/// Movie ids are IMDb title numbers (7 digits, zero-padded); each is kept unchanged as the ``ItemID`` and as
/// ``ExternalIDs/imdb``. `users.dat` links user ids to real Twitter accounts: it is never opened.
enum MovieTweetings {
    /// Reads the data set in `folder`.
    static func read(folder: URL, progress: ProgressHandler?) throws(ImportError) -> ImportResult {
        var result = ImportResult(format: .movieTweetings)
        let movies = try RecordReader(url: folder.appendingPathComponent("movies.dat"), dialect: .separated(by: "::"),
                                      encoding: .utf8, progress: progress)
        result.items = try movies.readMovies { id, context throws(RowError) in
            guard id.utf8.count >= 7, id.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else {
                throw context.error("movie id", expected: "an IMDb number of 7 or more digits", found: id)
            }
            return ExternalIDs(imdb: id)
        }
        result.addSummary(of: movies)
        let ratings = try RecordReader(url: folder.appendingPathComponent("ratings.dat"), dialect: .separated(by: "::"),
                                       encoding: .utf8, progress: progress)
        result.interactions = try ratings.readRatings(scale: .zeroToTen)
        result.addSummary(of: ratings)
        return result
    }
}
