import Foundation
import RecCore
import RecImport
import Testing

@Suite struct MovieLens100KTests {
    static let genres = """
        unknown|0
        Action|1
        Comedy|2
        Drama|3


        """
    static let items = """
        1|Toy Story (1995)|01-Jan-1995||http://us.imdb.com/M/title-exact?Toy%20Story%20(1995)|0|0|1|0
        267|unknown||||1|0|0|0
        1128|Heidi Fleiss: Hollywood Madam (1995) |09-Feb-1996||http://x|0|0|0|1
        1412|Land Before Time III (1995) (V)|01-Jan-1995||http://x|0|1|1|0
        1682|Misérables, Les (1995)|15-Dec-1995||http://x|0|0|0|1

        """
    static let users = """
        1|24|M|technician|85711
        2|53|F|other|94043

        """

    /// A minimal MovieLens 100K folder with the given `u.data`.
    static func folder(ratings: String) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write("u.genre", genres)
        try folder.write("u.item", latin1: items)
        try folder.write("u.user", users)
        try folder.write("u.data", ratings)
        return folder
    }

    @Test func readsItemsUsersAndRatings() throws {
        let folder = try Self.folder(ratings: "1\t1\t5\t881250949\n2\t1682\t3\t891717742\n1\t1\t5\t881250949\n")
        let result = try DatasetImporter.read(folder.url, format: .movieLens100K)
        #expect(result.items == [
            Item(id: "1", title: "Toy Story", year: 1995, genres: ["Comedy"], externalIDs: ExternalIDs(movieLens: 1)),
            Item(id: "267", title: "unknown", year: nil, genres: [], externalIDs: ExternalIDs(movieLens: 267)),
            Item(id: "1128", title: "Heidi Fleiss: Hollywood Madam", year: 1995, genres: ["Drama"],
                 externalIDs: ExternalIDs(movieLens: 1128)),
            Item(id: "1412", title: "Land Before Time III (1995) (V)", year: 1995, genres: ["Action", "Comedy"],
                 externalIDs: ExternalIDs(movieLens: 1412)),
            Item(id: "1682", title: "Misérables, Les", year: 1995, genres: ["Drama"],
                 externalIDs: ExternalIDs(movieLens: 1682)),
        ])
        #expect(result.users == [
            User(id: "1", age: 24, gender: "M", occupation: "technician"),
            User(id: "2", age: 53, gender: "F", occupation: "other"),
        ])
        #expect(result.interactions == [
            Interaction(user: "1", item: "1", kind: .rating, value: 5, timestamp: 881250949),
            Interaction(user: "2", item: "1682", kind: .rating, value: 3, timestamp: 891717742),
            Interaction(user: "1", item: "1", kind: .rating, value: 5, timestamp: 881250949),
        ])
        #expect(result.scale == .oneToFive)
        #expect(result.rejected.isEmpty)
        #expect(result.files.map(\.name) == ["u.genre", "u.item", "u.user", "u.data"])
    }

    @Test func zipCodesAreNeverKept() throws {
        let folder = try Self.folder(ratings: "1\t1\t5\t881250949\n")
        let result = try DatasetImporter.read(folder.url, format: .movieLens100K)
        let encoded = String(decoding: try JSONEncoder().encode(result.users), as: UTF8.self)
        #expect(!encoded.contains("85711"))
        #expect(!encoded.contains("94043"))
    }

    @Test func badRowsAreSkippedWithExactMessages() throws {
        let ratings = """
            1\t1\t5\t881250949
            1\t1\tx\t881250949
            1\t1\t6\t881250949
            1\t1\t4.5\t881250949
            1\t1\t3\tyesterday
            \t1\t3\t881250949
            1\t1\t3

            2\t1\t1\t881250949

            """
        let folder = try Self.folder(ratings: ratings)
        let result = try DatasetImporter.read(folder.url, format: .movieLens100K)
        #expect(result.interactions.count == 2)
        #expect(result.rejected.map(\.description) == [
            #"u.data:2: field 'rating': expected a number in [1, 5], got "x""#,
            #"u.data:3: field 'rating': expected a number in [1, 5], got "6""#,
            #"u.data:4: field 'rating': expected a number in [1, 5], got "4.5""#,
            #"u.data:5: field 'timestamp': expected Unix seconds (a whole number), got "yesterday""#,
            #"u.data:6: field 'user': expected a non-empty id, got """#,
            #"u.data:7: expected 4 fields separated by tabs, got "1\t1\t3""#,
        ])
        let data = try #require(result.files.last)
        #expect(data == ImportResult.FileSummary(name: "u.data", rowsRead: 8, rowsRejected: 6))
    }

    @Test func badGenreFlagIsRejected() throws {
        let folder = try Self.folder(ratings: "1\t1\t5\t881250949\n")
        try folder.write("u.item", "5|Copycat (1995)|01-Jan-1995||http://x|0|0|2|1\n")
        let result = try DatasetImporter.read(folder.url, format: .movieLens100K)
        #expect(result.items.isEmpty)
        #expect(result.rejected.map(\.description) == [#"u.item:1: field 'Comedy': expected 0 or 1, got "2""#])
    }

    @Test func userFileIsOptional() throws {
        let folder = try Self.folder(ratings: "1\t1\t5\t881250949\n")
        try FileManager.default.removeItem(at: folder.file("u.user"))
        let result = try DatasetImporter.read(folder.url, format: .movieLens100K)
        #expect(result.users.isEmpty)
        #expect(result.interactions.count == 1)
    }

    @Test func missingGenreFileNamesIt() throws {
        let folder = try Self.folder(ratings: "1\t1\t5\t881250949\n")
        try FileManager.default.removeItem(at: folder.file("u.genre"))
        let error = try #require(throws: ImportError.self) {
            try DatasetImporter.read(folder.url, format: .movieLens100K)
        }
        #expect(error.code == .fileNotFound)
        #expect(error.message.hasSuffix("u.genre: file not found"))
    }

    @Test func readRatingsReadsOneFoldFile() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("u1.test", "1\t6\t5\t887431973\n1\t10\t3\t875693118\n1\t12\tfive\t878542960\n")
        let fold = try MovieLens100K.readRatings(file)
        #expect(fold.interactions.map(\.item) == ["6", "10"])
        #expect(fold.rejected.map(\.description) == [
            #"u1.test:3: field 'rating': expected a number in [1, 5], got "five""#,
        ])
    }

    @Test func progressReportsBytesOfEachFile() throws {
        let rows = (0..<25_000).map { "\($0 % 900 + 1)\t\($0 % 1600 + 1)\t\($0 % 5 + 1)\t88125\($0 % 10000)\n" }
        let folder = try Self.folder(ratings: rows.joined())
        let log = ProgressLog()
        let result = try DatasetImporter.read(folder.url, format: .movieLens100K) { log.append($0) }
        #expect(result.interactions.count == 25_000)
        let reports = log.reports.filter { $0.phase == "import u.data" }
        let size = try #require(try FileManager.default.attributesOfItem(atPath: folder.file("u.data").path)[.size] as? Int)
        #expect(reports.count == 3)
        #expect(reports.map(\.completed) == reports.map(\.completed).sorted())
        #expect(reports.last?.completed == size)
        #expect(reports.allSatisfy { $0.total == size })
        #expect(log.reports.contains { $0.phase == "import u.item" })
    }
}
