import Foundation
import RecCore

/// Reads MovieLens latest (`ml-latest-small`, `ml-latest`): UTF-8 RFC 4180 CSV files with a header —
/// `ratings.csv` (`userId,movieId,rating,timestamp`, half stars), `movies.csv` (`movieId,title,genres`),
/// and when present `tags.csv` (`userId,movieId,tag,timestamp`) and `links.csv` (`movieId,imdbId,tmdbId`).
enum MovieLensLatest {
    /// Reads the data set in `folder`.
    static func read(folder: URL, progress: ProgressHandler?) throws(ImportError) -> ImportResult {
        var result = ImportResult(format: .movieLensLatest)
        let movies = try open("movies.csv", in: folder, header: ["movieId", "title", "genres"], progress: progress)
        result.items = try movies.readMovies { id, context throws(RowError) in
            ExternalIDs(movieLens: try context.integer(id, field: "movieId"))
        }
        result.addSummary(of: movies)
        if let links = try openIfPresent("links.csv", in: folder, header: ["movieId", "imdbId", "tmdbId"], progress: progress) {
            try readLinks(links, into: &result.items)
            result.addSummary(of: links)
        }
        let ratings = try open("ratings.csv", in: folder, header: ["userId", "movieId", "rating", "timestamp"],
                               progress: progress)
        result.interactions = try ratings.readRatings(scale: .halfStars)
        result.addSummary(of: ratings)
        if let tags = try openIfPresent("tags.csv", in: folder, header: ["userId", "movieId", "tag", "timestamp"],
                                        progress: progress) {
            result.tags = try readTags(tags)
            result.addSummary(of: tags)
        }
        return result
    }

    private static func open(
        _ name: String, in folder: URL, header: [String], progress: ProgressHandler?
    ) throws(ImportError) -> RecordReader {
        let reader = try RecordReader(url: folder.appendingPathComponent(name), dialect: .csv, encoding: .utf8,
                                      progress: progress)
        try reader.expectHeader(header)
        return reader
    }

    private static func openIfPresent(
        _ name: String, in folder: URL, header: [String], progress: ProgressHandler?
    ) throws(ImportError) -> RecordReader? {
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path) else { return nil }
        return try open(name, in: folder, header: header, progress: progress)
    }

    /// Sets IMDb and TMDB ids on the movies `links.csv` names; an empty `tmdbId` stays `nil`.
    private static func readLinks(_ reader: RecordReader, into items: inout [Item]) throws(ImportError) {
        var positions: [String: Int] = [:]
        for (position, item) in items.enumerated() { positions[item.id.rawValue] = position }
        try reader.forEachRow(fieldCount: 3) { row throws(RowError) in
            let id = try row.id(0, "movieId")
            guard let position = positions[id] else {
                throw row.context.error("movieId", expected: "a movieId listed in movies.csv", found: id)
            }
            let imdb = row.text(1)
            guard !imdb.isEmpty, imdb.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else {
                throw row.context.error("imdbId", expected: "an IMDb number", found: imdb)
            }
            let tmdbText = row.text(2)
            let tmdb = tmdbText.isEmpty ? nil : try row.integer(2, "tmdbId")
            let padding = String(repeating: "0", count: max(0, 7 - imdb.utf8.count))
            items[position].externalIDs.imdb = padding + imdb
            items[position].externalIDs.tmdb = tmdb
        }
    }

    private static func readTags(_ reader: RecordReader) throws(ImportError) -> [Tag] {
        var tags: [Tag] = []
        try reader.forEachRow(fieldCount: 4) { row throws(RowError) in
            let user = try row.id(0, "userId")
            let item = try row.id(1, "movieId")
            let timestamp = try row.timestamp(3, "timestamp")
            tags.append(Tag(user: UserID(user), item: ItemID(item), text: row.text(2), timestamp: timestamp))
        }
        return tags
    }
}
