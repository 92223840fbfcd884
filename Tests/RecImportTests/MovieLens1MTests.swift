import Foundation
import RecCore
import RecImport
import Testing

@Suite struct MovieLens1MTests {
    /// A MovieLens 1M folder: Latin-1 movies, users with zip codes, `::` ratings.
    static func folder(ratings: String = "1::1193::5::978300760\n1::661::3::978302109\n6040::1::4::956703932\n") throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write("movies.dat", latin1: """
            1::Toy Story (1995)::Animation|Children's|Comedy
            661::James and the Giant Peach (1996)::Animation|Children's|Musical
            1193::One Flew Over the Cuckoo's Nest (1975)::Drama
            3951::Misérables, Les (1995)::Drama

            """)
        try folder.write("users.dat", "1::F::1::10::48067\n6040::M::25::6::11106\n")
        try folder.write("ratings.dat", ratings)
        return folder
    }

    @Test func readsMoviesUsersAndRatings() throws {
        let folder = try Self.folder()
        #expect(try DatasetFormat.detect(in: folder.url) == .movieLens1M)
        let result = try DatasetImporter.read(folder.url, format: .movieLens1M)
        #expect(result.items.first == Item(id: "1", title: "Toy Story", year: 1995,
                                           genres: ["Animation", "Children's", "Comedy"],
                                           externalIDs: ExternalIDs(movieLens: 1)))
        #expect(result.items.last?.title == "Misérables, Les")
        #expect(result.users == [
            User(id: "1", age: 1, gender: "F", occupation: "K-12 student"),
            User(id: "6040", age: 25, gender: "M", occupation: "doctor/health care"),
        ])
        #expect(result.interactions.first == Interaction(user: "1", item: "1193", kind: .rating, value: 5,
                                                         timestamp: 978300760))
        #expect(result.interactions.count == 3)
        #expect(result.scale == .oneToFive)
        #expect(result.rejected.isEmpty)
    }

    @Test func unknownOccupationCodeIsRejected() throws {
        let folder = try Self.folder()
        try folder.write("users.dat", "1::F::1::21::48067\n")
        let result = try DatasetImporter.read(folder.url, format: .movieLens1M)
        #expect(result.rejected.map(\.description) == [
            #"users.dat:1: field 'occupation': expected a code from 0 to 20, got "21""#,
        ])
    }

    @Test func truncatedLastLineAborts() throws {
        let folder = try Self.folder(ratings: "1::1193::5::978300760\n1::661::3::978302109\n1::914::")
        let error = try #require(throws: ImportError.self) {
            try DatasetImporter.read(folder.url, format: .movieLens1M)
        }
        #expect(error.code == .truncated)
        #expect(error.message.hasPrefix("ratings.dat:3: file looks truncated"))
        #expect(!error.message.contains("\n"))
    }

    @Test func wellFormedLastLineWithoutNewlineIsRead() throws {
        let folder = try Self.folder(ratings: "1::1193::5::978300760\r\n1::661::3::978302109")
        let result = try DatasetImporter.read(folder.url, format: .movieLens1M)
        #expect(result.interactions.map(\.item) == ["1193", "661"])
        #expect(result.rejected.isEmpty)
    }

    @Test func malformedRowInsideTheFileIsOnlyRejected() throws {
        let folder = try Self.folder(ratings: "1::914::\n1::661::3::978302109\n")
        let result = try DatasetImporter.read(folder.url, format: .movieLens1M)
        #expect(result.interactions.count == 1)
        #expect(result.rejected.map(\.description) == [#"ratings.dat:1: expected 4 fields separated by "::", got "1::914::""#])
    }
}
