import Foundation
import RecCore
import RecImport
import RecTestSupport
import Testing

@Suite struct RealDataTests {
    @Test(.enabled(if: TestData.isAvailable("ml-100k/u.data"), TestData.skipMessage("ml-100k/u.data")))
    func movieLens100K() throws {
        let result = try DatasetImporter.read(TestData.url("ml-100k"), format: .movieLens100K)
        #expect(result.interactions.count == 100_000)
        #expect(Set(result.interactions.map(\.user)).count == 943)
        #expect(result.users.count == 943)
        #expect(result.items.count == 1_682)
        #expect(result.rejected.isEmpty)
        #expect(result.scale == .oneToFive)
    }

    @Test(.enabled(if: TestData.isAvailable("ml-100k/u1.base"), TestData.skipMessage("ml-100k/u1.base")))
    func movieLens100KFolds() throws {
        let base = try MovieLens100K.readRatings(TestData.url("ml-100k/u1.base"))
        let test = try MovieLens100K.readRatings(TestData.url("ml-100k/u1.test"))
        #expect(base.interactions.count == 80_000)
        #expect(test.interactions.count == 20_000)
        #expect(base.rejected.isEmpty && test.rejected.isEmpty)
    }

    @Test(.enabled(if: TestData.isAvailable("ml-latest-small/ratings.csv"), TestData.skipMessage("ml-latest-small/ratings.csv")))
    func movieLensLatestSmall() throws {
        let folder = TestData.url("ml-latest-small")
        #expect(try DatasetFormat.detect(in: folder) == .movieLensLatest)
        let result = try DatasetImporter.read(folder, format: .movieLensLatest)
        #expect(result.interactions.count == 100_836)
        #expect(result.items.count == 9_742)
        #expect(result.tags.count == 3_683)
        #expect(result.rejected.isEmpty)
        #expect(result.items.filter { $0.externalIDs.tmdb == nil }.count == 8)
        #expect(result.items.allSatisfy { $0.externalIDs.imdb?.utf8.count == 7 })
        let toyStory = try #require(result.items.first)
        #expect(toyStory.title == "Toy Story" && toyStory.year == 1995)
        #expect(toyStory.externalIDs == ExternalIDs(imdb: "0114709", tmdb: 862, movieLens: 1))
    }

    @Test(.enabled(if: TestData.isAvailable("movietweetings-100k/ratings.dat"), TestData.skipMessage("movietweetings-100k/ratings.dat")))
    func movieTweetings() throws {
        let folder = TestData.url("movietweetings-100k")
        #expect(try DatasetFormat.detect(in: folder) == .movieTweetings)
        let result = try DatasetImporter.read(folder, format: .movieTweetings)
        #expect(result.interactions.count == 100_000)
        #expect(result.items.count == 10_506)
        #expect(result.users.isEmpty)
        #expect(!result.files.map(\.name).contains("users.dat"))
        #expect(result.rejected.isEmpty)
        #expect(result.scale == .zeroToTen)
        #expect(result.items.filter(\.genres.isEmpty).count == 66)
        #expect(result.items.first?.title == "Fantômas - À l'ombre de la guillotine")
    }

    /// The shared ML-1M copy lacks `ratings.dat`: link its movies and users beside a two-row ratings file.
    @Test(.enabled(if: TestData.isAvailable("ml-1m/movies.dat"), TestData.skipMessage("ml-1m/movies.dat")))
    func movieLens1MMoviesAndUsers() throws {
        let folder = try TemporaryFolder()
        for name in ["movies.dat", "users.dat"] {
            try FileManager.default.createSymbolicLink(at: folder.file(name), withDestinationURL: TestData.url("ml-1m/\(name)"))
        }
        try folder.write("ratings.dat", "1::1193::5::978300760\n1::661::3::978302109\n")
        #expect(try DatasetFormat.detect(in: folder.url) == .movieLens1M)
        let result = try DatasetImporter.read(folder.url, format: .movieLens1M)
        #expect(result.items.count == 3_883)
        #expect(result.users.count == 6_040)
        #expect(result.rejected.isEmpty)
        #expect(result.items.first { $0.id == "73" }?.title == "Misérables, Les")
        #expect(result.users.first == User(id: "1", age: 1, gender: "F", occupation: "K-12 student"))
    }
}
