import Foundation
import Testing
import RecCore
import RecTestSupport
@testable import RecImport

@Suite struct TMDBMovieTests {
    static let header = TMDBMovie.header.joined(separator: ",")

    @Test func readsTextFieldsAndJSONNameLists() throws {
        let folder = try TemporaryFolder()
        let url = try folder.write("tmdb.csv", """
            \(Self.header)
            1,"[{""id"": 35, ""name"": ""Comedy""}]",,862,"[{""id"": 1, ""name"": ""toy""}, {""id"": 2, ""name"": ""friendship""}]",en,Toy Story,"Toys, alive.
            Two lines.",1.0,[],[],1995-10-30,1,81,[],Released,"The adventure, takes off",Toy Story,7.7,5415
            2,[],,5,[],en,Four Rooms,,1.0,[],[],1995-12-09,1,98,[],Released,,Four Rooms,6.5,530

            """)
        let movies = try TMDBMovie.read(url)
        #expect(movies == [
            TMDBMovie(id: 862, title: "Toy Story", overview: "Toys, alive.\nTwo lines.", tagline: "The adventure, takes off",
                      keywords: ["toy", "friendship"], genres: ["Comedy"]),
            TMDBMovie(id: 5, title: "Four Rooms"),
        ])
    }

    @Test func aBadKeywordListNamesTheRow() throws {
        let folder = try TemporaryFolder()
        let url = try folder.write("tmdb.csv", "\(Self.header)\n1,[],,7,not json,en,X,,1,[],[],,1,1,[],Released,,X,1,1\n")
        let error = try #require(throws: ImportError.self) { try TMDBMovie.read(url) }
        #expect(error.code == .rejectedRows)
        #expect(error.message.contains("keywords") && error.message.contains("not json"), "\(error.message)")
    }

    @Test(.enabled(if: TestData.isAvailable("tmdb-5000-movies/tmdb_5000_movies.csv"),
                   TestData.skipMessage("tmdb-5000-movies/tmdb_5000_movies.csv")))
    func readsTheWholeTMDB5000File() throws {
        let movies = try TMDBMovie.read(TestData.url("tmdb-5000-movies/tmdb_5000_movies.csv"))
        #expect(movies.count == 4803)
        let avatar = try #require(movies.first { $0.id == 19995 })
        #expect(avatar.title == "Avatar" && avatar.keywords.contains("space war") && avatar.genres.first == "Action")
        #expect(movies.count { $0.overview.isEmpty } == 3)
    }
}
