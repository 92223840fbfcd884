import Foundation
import RecImport
import Testing

@Suite struct DatasetFormatTests {
    @Test func detectsEachFolderKind() throws {
        let ml100k = try MovieLens100KTests.folder(ratings: "1\t1\t5\t881250949\n")
        #expect(try DatasetFormat.detect(in: ml100k.url) == .movieLens100K)
        let ml1m = try MovieLens1MTests.folder()
        #expect(try DatasetFormat.detect(in: ml1m.url) == .movieLens1M)
        let latest = try MovieLensLatestTests.folder()
        #expect(try DatasetFormat.detect(in: latest.url) == .movieLensLatest)
        let tweetings = try MovieTweetingsTests.folder()
        #expect(try DatasetFormat.detect(in: tweetings.url) == .movieTweetings)
    }

    @Test func detectsEventFilesByExtension() throws {
        let folder = try TemporaryFolder()
        let csv = try folder.write("log.csv", "user,item\n1,2\n")
        let jsonl = try folder.write("log.jsonl", "{\"user\": 1, \"item\": 2}\n")
        #expect(try DatasetFormat.detect(in: csv) == .csvEvents(EventMapping()))
        #expect(try DatasetFormat.detect(in: jsonl) == .jsonLinesEvents(EventMapping()))
        #expect(try DatasetImporter.read(jsonl).interactions.count == 1)
    }

    @Test func unknownFolderListsWhatWasLookedFor() throws {
        let folder = try TemporaryFolder()
        try folder.write("notes.txt", "hello\n")
        let error = try #require(throws: ImportError.self) { try DatasetFormat.detect(in: folder.url) }
        #expect(error.code == .unknownFormat)
        #expect(error.message == """
            \(folder.url.path): no known data set; looked for u.data + u.item (MovieLens 100K), ratings.dat + \
            movies.dat (MovieLens 1M, MovieTweetings), ratings.csv + movies.csv (MovieLens latest)
            """)
    }

    @Test func missingPathIsNotFound() throws {
        let folder = try TemporaryFolder()
        let error = try #require(throws: ImportError.self) {
            try DatasetImporter.read(folder.file("nowhere"), format: .movieLens100K)
        }
        #expect(error.code == .fileNotFound)
    }

    @Test func emptyRatingsFileAborts() throws {
        let folder = try MovieLens100KTests.folder(ratings: "")
        let error = try #require(throws: ImportError.self) {
            try DatasetImporter.read(folder.url, format: .movieLens100K)
        }
        #expect(error.code == .emptyFile)
        #expect(error.message == "u.data: file is empty (no data rows)")
    }

    @Test func scalesAreTheSourceScales() {
        #expect(DatasetFormat.movieLens100K.scale.description == "[1, 5]")
        #expect(DatasetFormat.movieLens1M.scale.description == "[1, 5]")
        #expect(DatasetFormat.movieLensLatest.scale.description == "[0.5, 5]")
        #expect(DatasetFormat.movieTweetings.scale.description == "[0, 10]")
        #expect(DatasetFormat.csvEvents(EventMapping()).scale == .oneToFive)
    }
}
