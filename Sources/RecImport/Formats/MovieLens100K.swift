import Foundation
import RecCore

/// Reads MovieLens 100K: `u.data` (tab-separated `user item rating timestamp`), `u.item` (Latin-1,
/// `|`-separated `id|title (year)|release date|video release date|IMDb URL|` + one 0/1 flag per genre),
/// `u.genre` (`name|index`, naming the flags) and, when present, `u.user` (`id|age|gender|occupation|zip`).
///
/// Zip codes are never kept. The genre `unknown` (index 0) is read as no genre.
public enum MovieLens100K {
    /// Reads the ratings of one file in `u.data` layout, such as the official folds `u1.base` … `u5.test`,
    /// `ua.base`, `ub.test`.
    /// - Parameters:
    ///   - url: The file.
    ///   - progress: Called every 10,000 rows with bytes read of the file size.
    /// - Returns: The ratings on the 1–5 scale in file order, and every row skipped.
    /// - Throws: `ImportError` when the file is missing, unreadable, empty or truncated.
    /// - Complexity: O(file size); memory grows with the ratings kept.
    public static func readRatings(
        _ url: URL, progress: ProgressHandler? = nil
    ) throws(ImportError) -> (interactions: [Interaction], rejected: [RowError]) {
        let reader = try RecordReader(url: url, dialect: .separated(by: "\t"), encoding: .utf8, progress: progress)
        let interactions = try reader.readRatings(scale: .oneToFive)
        return (interactions, reader.rejected)
    }

    /// Reads the data set in `folder`.
    static func read(folder: URL, progress: ProgressHandler?) throws(ImportError) -> ImportResult {
        var result = ImportResult(format: .movieLens100K)
        let genres = try readGenres(folder.appendingPathComponent("u.genre"), into: &result)
        result.items = try readItems(folder.appendingPathComponent("u.item"), genres: genres, into: &result, progress: progress)
        let userFile = folder.appendingPathComponent("u.user")
        if FileManager.default.fileExists(atPath: userFile.path) {
            result.users = try readUsers(userFile, into: &result, progress: progress)
        }
        let ratings = try RecordReader(url: folder.appendingPathComponent("u.data"), dialect: .separated(by: "\t"),
                                       encoding: .utf8, progress: progress)
        result.interactions = try ratings.readRatings(scale: .oneToFive)
        result.addSummary(of: ratings)
        return result
    }

    /// Genre names by flag position; `nil` for `unknown`, which means "no genre".
    private static func readGenres(_ url: URL, into result: inout ImportResult) throws(ImportError) -> [String?] {
        let reader = try RecordReader(url: url, dialect: .separated(by: "|"), encoding: .utf8, progress: nil)
        var genres: [Int: String] = [:]
        try reader.forEachRow(fieldCount: 2) { row throws(RowError) in
            let index = try row.integer(1, "index")
            guard (0..<100).contains(index), genres[index] == nil else {
                throw row.context.error("index", expected: "a new genre index from 0 to 99", found: row.text(1))
            }
            genres[index] = try row.id(0, "name")
        }
        result.addSummary(of: reader)
        let count = (genres.keys.max() ?? -1) + 1
        return (0..<count).map { index in genres[index].flatMap { $0 == "unknown" ? nil : $0 } }
    }

    private static func readItems(
        _ url: URL, genres: [String?], into result: inout ImportResult, progress: ProgressHandler?
    ) throws(ImportError) -> [Item] {
        let reader = try RecordReader(url: url, dialect: .separated(by: "|"), encoding: .latin1, progress: progress)
        var items: [Item] = []
        try reader.forEachRow(fieldCount: 5 + genres.count) { row throws(RowError) in
            let id = try row.integer(0, "movie id")
            var movie = MovieTitle(parsing: row.text(1))
            if movie.year == nil { movie.year = releaseYear(row.text(2)) }
            var names: [String] = []
            for (offset, genre) in genres.enumerated() {
                switch row.text(5 + offset) {
                case "1": if let genre { names.append(genre) }
                case "0": break
                case let flag: throw row.context.error(genre ?? "unknown", expected: "0 or 1", found: flag)
                }
            }
            items.append(Item(id: ItemID(row.text(0)), title: movie.title, year: movie.year, genres: names,
                              externalIDs: ExternalIDs(movieLens: id)))
        }
        result.addSummary(of: reader)
        return items
    }

    /// The year of a release date such as `01-Jan-1995`; `nil` when blank or not in that shape.
    private static func releaseYear(_ date: String) -> Int? {
        let parts = date.split(separator: "-")
        guard parts.count == 3, parts[2].count == 4 else { return nil }
        return Int(parts[2])
    }

    private static func readUsers(
        _ url: URL, into result: inout ImportResult, progress: ProgressHandler?
    ) throws(ImportError) -> [User] {
        let reader = try RecordReader(url: url, dialect: .separated(by: "|"), encoding: .utf8, progress: progress)
        var users: [User] = []
        try reader.forEachRow(fieldCount: 5) { row throws(RowError) in
            let id = try row.id(0, "user id")
            let age = try row.integer(1, "age")
            users.append(User(id: UserID(id), age: age, gender: row.text(2), occupation: row.text(3)))
        }
        result.addSummary(of: reader)
        return users
    }
}
