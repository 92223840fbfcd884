import Foundation
import RecCore

/// Reads MovieLens 1M: `ratings.dat` (`UserID::MovieID::Rating::Timestamp`, 1–5), `movies.dat` (Latin-1,
/// `MovieID::Title (Year)::Genre|Genre`) and, when present, `users.dat`
/// (`UserID::Gender::Age::Occupation::Zip-code`; zip codes are never kept).
enum MovieLens1M {
    /// Occupation names by code, as listed in the data set's README.
    static let occupations = [
        "other", "academic/educator", "artist", "clerical/admin", "college/grad student", "customer service",
        "doctor/health care", "executive/managerial", "farmer", "homemaker", "K-12 student", "lawyer",
        "programmer", "retired", "sales/marketing", "scientist", "self-employed", "technician/engineer",
        "tradesman/craftsman", "unemployed", "writer",
    ]

    /// Reads the data set in `folder`.
    static func read(folder: URL, progress: ProgressHandler?) throws(ImportError) -> ImportResult {
        var result = ImportResult(format: .movieLens1M)
        let movies = try RecordReader(url: folder.appendingPathComponent("movies.dat"), dialect: .separated(by: "::"),
                                      encoding: .latin1, progress: progress)
        result.items = try movies.readMovies { id, context throws(RowError) in
            ExternalIDs(movieLens: try context.integer(id, field: "movie id"))
        }
        result.addSummary(of: movies)
        let userFile = folder.appendingPathComponent("users.dat")
        if FileManager.default.fileExists(atPath: userFile.path) {
            let users = try RecordReader(url: userFile, dialect: .separated(by: "::"), encoding: .utf8, progress: progress)
            result.users = try readUsers(users)
            result.addSummary(of: users)
        }
        let ratings = try RecordReader(url: folder.appendingPathComponent("ratings.dat"), dialect: .separated(by: "::"),
                                       encoding: .utf8, progress: progress)
        result.interactions = try ratings.readRatings(scale: .oneToFive)
        result.addSummary(of: ratings)
        return result
    }

    /// Users with gender, the lower bound of their age band, and occupation by name.
    private static func readUsers(_ reader: RecordReader) throws(ImportError) -> [User] {
        var users: [User] = []
        try reader.forEachRow(fieldCount: 5) { row throws(RowError) in
            let id = try row.id(0, "user id")
            let age = try row.integer(2, "age")
            let code = try row.integer(3, "occupation")
            guard occupations.indices.contains(code) else {
                throw row.context.error("occupation", expected: "a code from 0 to 20", found: row.text(3))
            }
            users.append(User(id: UserID(id), age: age, gender: row.text(1), occupation: occupations[code]))
        }
        return users
    }
}
