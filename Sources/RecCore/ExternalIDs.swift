/// Ids of the same movie in other catalogues, used to join data sets (MovieLens ↔ TMDB ↔ IMDb).
public struct ExternalIDs: Sendable, Hashable, Codable {
    /// IMDb title number without the `tt` prefix, zero-padded to 7 digits (e.g. `"0114709"`).
    public var imdb: String?
    /// The Movie Database id.
    public var tmdb: Int?
    /// MovieLens movie id.
    public var movieLens: Int?

    /// Creates a set of external ids; all optional.
    public init(imdb: String? = nil, tmdb: Int? = nil, movieLens: Int? = nil) {
        self.imdb = imdb
        self.tmdb = tmdb
        self.movieLens = movieLens
    }
}
