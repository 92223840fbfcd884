import Foundation
import RecCore
import RecImport
import Testing

@Suite struct MovieTweetingsTests {
    static func folder() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write("movies.dat", """
            0002844::Fantômas - À l'ombre de la guillotine (1913)::Crime|Drama
            0021283::Rakudai wa shitakeredo (1930)::
            1074638::Skyfall (2012)::Action|Adventure|Thriller

            """)
        try folder.write("ratings.dat", """
            1::1074638::7::1365029107
            2::0002844::10::1364690142
            2::0021283::0::1364690143
            3::1074638::11::1364690144

            """)
        return folder
    }

    @Test func readsOnTheZeroToTenScaleWithIMDbIDs() throws {
        let folder = try Self.folder()
        let result = try DatasetImporter.read(folder.url, format: .movieTweetings)
        #expect(result.scale == .zeroToTen)
        #expect(result.items == [
            Item(id: "0002844", title: "Fantômas - À l'ombre de la guillotine", year: 1913, genres: ["Crime", "Drama"],
                 externalIDs: ExternalIDs(imdb: "0002844")),
            Item(id: "0021283", title: "Rakudai wa shitakeredo", year: 1930, genres: [],
                 externalIDs: ExternalIDs(imdb: "0021283")),
            Item(id: "1074638", title: "Skyfall", year: 2012, genres: ["Action", "Adventure", "Thriller"],
                 externalIDs: ExternalIDs(imdb: "1074638")),
        ])
        #expect(result.interactions.map(\.value) == [7, 10, 0])
        #expect(result.interactions[1].item == "0002844")
        #expect(result.rejected.map(\.description) == [
            #"ratings.dat:4: field 'rating': expected a number in [0, 10], got "11""#,
        ])
    }

    @Test func usersFileIsNeverRead() throws {
        let folder = try Self.folder()
        // Were users.dat opened, its invalid UTF-8 would abort the import and its rows would be rejected.
        try folder.write("users.dat", bytes: Array("1::123456789\n2::".utf8) + [0xFF, 0xFE])
        let result = try DatasetImporter.read(folder.url, format: .movieTweetings)
        #expect(result.users.isEmpty)
        #expect(result.files.map(\.name) == ["movies.dat", "ratings.dat"])
        #expect(result.rejected.count == 1)
    }

    @Test func invalidUTF8NamesFileAndLine() throws {
        let folder = try Self.folder()
        try folder.write("movies.dat", bytes: Array("0004936::The Bank (1915)::Comedy\n0002844::Fant".utf8) + [0xF4, 0x6D]
                            + Array("as (1913)::Crime\n".utf8))
        let error = try #require(throws: ImportError.self) {
            try DatasetImporter.read(folder.url, format: .movieTweetings)
        }
        #expect(error.code == .wrongEncoding)
        #expect(error.message == "movies.dat:2: not valid UTF-8; save the file as UTF-8")
    }
}
