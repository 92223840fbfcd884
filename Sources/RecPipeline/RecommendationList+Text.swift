extension RecommendationList {
    /// The list as a numbered table of title, year, genres and predicted rating, with a note when
    /// the user had no history.
    public var text: String {
        let table = TextTable(header: ["#", "title", "year", "genres", "predicted"], rows: recommendations.enumerated().map { rank, entry in
            [String(rank + 1), entry.item.title, entry.item.year.map(String.init) ?? "", entry.item.genres.joined(separator: "|"),
             TextTable.fixed(Double(entry.predictedRating), digits: 2)]
        })
        let note = isFallback ? "\nuser \(user) has no history: ranked by the movies' baseline ratings alone" : ""
        return "top \(recommendations.count) for user \(user) (\(model)):\n" + table.text + note
    }
}
