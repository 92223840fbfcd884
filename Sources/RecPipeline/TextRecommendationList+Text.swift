extension TextRecommendationList {
    /// The list as a numbered table of title, year, genres and cosine, with a note when the text was truncated.
    public var text: String {
        let table = TextTable(header: ["#", "title", "year", "genres", "cosine"], rows: items.indices.map { rank in
            let item = items[rank]
            return [String(rank + 1), item.title, item.year.map(String.init) ?? "", item.genres.joined(separator: "|"),
                    TextTable.fixed(Double(cosines[rank]), digits: 3)]
        })
        let note = isTruncated
            ? "\nnote: the text is longer than the model reads; only its first \(pieces) word pieces were used" : ""
        return "top \(items.count) for the text (\(model)):\n" + table.text + note
    }
}
