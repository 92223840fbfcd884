import Foundation
import RecCore
import RecImport
import Testing

@Suite struct MovieLensLatestTests {
    /// Joins `lines` with CRLF, as the GroupLens files are.
    static func crlf(_ lines: String...) -> String { lines.map { $0 + "\r\n" }.joined() }

    static func folder() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write("movies.csv", crlf(
            "movieId,title,genres",
            "1,Toy Story (1995),Adventure|Animation|Children|Comedy|Fantasy",
            #"11,"American President, The (1995)",Comedy|Drama|Romance"#,
            #"7789,"11'09""01 - September 11 (2002)",Drama"#,
            "27008,From Dusk Till Dawn 2: Texas Blood Money (1999) ,Comedy|Crime|Horror",
            "40697,Babylon 5,Sci-Fi",
            "143410,Hyena Road,(no genres listed)",
            "1682,Misérables (1995),Drama"))
        try folder.write("links.csv", crlf(
            "movieId,imdbId,tmdbId", "1,0114709,862", "11,0112346,9087", "7789,0328802,", "27008,189203,"))
        try folder.write("ratings.csv", crlf(
            "userId,movieId,rating,timestamp", "1,1,4.0,964982703", "1,11,0.5,964981247", "1,7789,4.25,964982224",
            "2,1682,5,1445714994"))
        try folder.write("tags.csv", crlf(
            "userId,movieId,tag,timestamp", "2,60756,funny,1445714994", #"567,4552,"""artsy""",1525285878"#,
            #"62,1,"pixar, animation",1525285879"#, "62,1,\"two\r\nlines\",1525285880"))
        return folder
    }

    @Test func readsQuotedCRLFFilesWithLinksAndTags() throws {
        let folder = try Self.folder()
        let result = try DatasetImporter.read(folder.url, format: .movieLensLatest)
        #expect(result.scale == .halfStars)
        #expect(result.items.map(\.title) == [
            "Toy Story", "American President, The", #"11'09"01 - September 11"#, "From Dusk Till Dawn 2: Texas Blood Money",
            "Babylon 5", "Hyena Road", "Misérables",
        ])
        #expect(result.items.map(\.year) == [1995, 1995, 2002, 1999, nil, nil, 1995])
        #expect(result.items[5].genres == [])
        #expect(result.items[0].genres == ["Adventure", "Animation", "Children", "Comedy", "Fantasy"])
        #expect(result.items[0].externalIDs == ExternalIDs(imdb: "0114709", tmdb: 862, movieLens: 1))
        #expect(result.items[2].externalIDs == ExternalIDs(imdb: "0328802", tmdb: nil, movieLens: 7789))
        #expect(result.items[3].externalIDs.imdb == "0189203")
        #expect(result.interactions.map(\.value) == [4, 0.5, 5])
        #expect(result.tags.map(\.text) == ["funny", #""artsy""#, "pixar, animation", "two\nlines"])
        #expect(result.tags.last?.timestamp == 1525285880)
        #expect(result.rejected.map(\.description) == [
            #"ratings.csv:4: field 'rating': expected a number in [0.5, 5], got "4.25""#,
        ])
        #expect(result.files.map(\.name) == ["movies.csv", "links.csv", "ratings.csv", "tags.csv"])
    }

    @Test func linkToUnknownMovieIsRejected() throws {
        let folder = try Self.folder()
        try folder.write("links.csv", Self.crlf("movieId,imdbId,tmdbId", "99,0114709,862"))
        let result = try DatasetImporter.read(folder.url, format: .movieLensLatest)
        #expect(result.rejected.first?.description == #"links.csv:2: field 'movieId': expected a movieId listed in movies.csv, got "99""#)
    }

    @Test func headerOnlyFileIsEmpty() throws {
        let folder = try Self.folder()
        try folder.write("ratings.csv", Self.crlf("userId,movieId,rating,timestamp"))
        let error = try #require(throws: ImportError.self) {
            try DatasetImporter.read(folder.url, format: .movieLensLatest)
        }
        #expect(error.code == .emptyFile)
        #expect(error.message == "ratings.csv: file is empty (no data rows)")
    }

    @Test func zeroByteFileIsEmpty() throws {
        let folder = try Self.folder()
        try folder.write("movies.csv", "")
        let error = try #require(throws: ImportError.self) {
            try DatasetImporter.read(folder.url, format: .movieLensLatest)
        }
        #expect(error.code == .emptyFile)
        #expect(error.message == "movies.csv: file is empty")
    }

    @Test func wrongHeaderIsReported() throws {
        let folder = try Self.folder()
        try folder.write("ratings.csv", Self.crlf("user,movie,rating,timestamp", "1,1,4.0,964982703"))
        let error = try #require(throws: ImportError.self) {
            try DatasetImporter.read(folder.url, format: .movieLensLatest)
        }
        #expect(error.code == .badHeader)
        #expect(error.message == #"ratings.csv:1: expected the header userId,movieId,rating,timestamp, got "user,movie,rating,timestamp""#)
    }

    @Test func invalidUTF8NamesFileAndLine() throws {
        let folder = try Self.folder()
        try folder.write("movies.csv", bytes: Array("movieId,title,genres\r\n1,Toy Story (1995),Comedy\r\n2,Mis".utf8)
                            + [0xE9] + Array("rables (1995),Drama\r\n".utf8))
        let error = try #require(throws: ImportError.self) {
            try DatasetImporter.read(folder.url, format: .movieLensLatest)
        }
        #expect(error.code == .wrongEncoding)
        #expect(error.message == "movies.csv:3: not valid UTF-8; save the file as UTF-8")
    }

    @Test func unclosedQuoteAtEndIsTruncation() throws {
        let folder = try Self.folder()
        try folder.write("tags.csv", "userId,movieId,tag,timestamp\n2,60756,\"funny,14457")
        let error = try #require(throws: ImportError.self) {
            try DatasetImporter.read(folder.url, format: .movieLensLatest)
        }
        #expect(error.code == .truncated)
        #expect(error.message.hasPrefix("tags.csv:2: file looks truncated"))
    }
}
