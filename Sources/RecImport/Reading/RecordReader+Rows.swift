import RecCore

extension RecordReader {
    /// Reads rows `user, item, rating, timestamp` (MovieLens `u.data` and `ratings.dat`, MovieTweetings
    /// `ratings.dat`, MovieLens latest `ratings.csv`) as ratings on `scale`.
    /// - Complexity: O(file size); keeps one ``Interaction`` per accepted row.
    func readRatings(scale: RatingScale) throws(ImportError) -> [Interaction] {
        var interactions: [Interaction] = []
        try forEachRow(fieldCount: 4) { row throws(RowError) in
            let user = try row.id(0, "user")
            let item = try row.id(1, "item")
            let rating = try row.rating(2, "rating", scale: scale)
            let timestamp = try row.timestamp(3, "timestamp")
            interactions.append(Interaction(
                user: UserID(user), item: ItemID(item), kind: .rating, value: rating, timestamp: timestamp))
        }
        return interactions
    }

    /// Reads the header and checks it is exactly `columns`.
    /// - Throws: `ImportError` `.badHeader` naming what was expected and found, or `.emptyFile`.
    func expectHeader(_ columns: [String]) throws(ImportError) {
        let header = try readHeader()
        guard header == columns else {
            throw ImportError(.badHeader, """
                \(name):1: expected the header \(columns.joined(separator: ",")), got \
                \(header.joined(separator: ",").debugDescription)
                """)
        }
    }
}

extension RecordReader {
    /// Reads rows `id, title (year), genre|genre|…` (MovieLens 1M and MovieTweetings `movies.dat`, MovieLens
    /// latest `movies.csv`). An empty genre list or `(no genres listed)` gives no genres.
    /// - Parameter externalIDs: The item's ids elsewhere, from its id text; throws to reject the row.
    func readMovies(externalIDs: (String, RowContext) throws(RowError) -> ExternalIDs) throws(ImportError) -> [Item] {
        var items: [Item] = []
        try forEachRow(fieldCount: 3) { row throws(RowError) in
            let id = try row.id(0, "movie id")
            let ids = try externalIDs(id, row.context)
            let movie = MovieTitle(parsing: row.text(1))
            let genreText = row.text(2)
            let genres = genreText == "(no genres listed)" ? [] : genreText.split(separator: "|").map(String.init)
            items.append(Item(id: ItemID(id), title: movie.title, year: movie.year, genres: genres, externalIDs: ids))
        }
        return items
    }
}
