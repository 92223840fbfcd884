import Foundation
import RecCore
import RecImport

/// The text an item is embedded from, by one documented recipe, so every path (the stored catalogue
/// embeddings, the evaluation) describes a movie the same way.
///
/// Recipe, parts in this order, each left out when empty:
///
///     {title} ({year}). Genres: {g1}, {g2}. {tagline}. {overview}. Keywords: {k1}, {k2}. Tags: {t1}, {t2}.
///
/// - title, year, genres, tagline, overview (each given a final full stop when it ends without one) and keywords
///   from the catalogue item; TMDB (`tmdb_5000_movies.csv`, joined on ``RecCore/ExternalIDs/tmdb``) supplies the
///   tagline, overview and keywords through ``described(_:tmdb:)``, and the item keeps them in the store;
/// - tags users put on the movie (MovieLens `tags.csv`): trimmed, case-insensitively distinct, most applied
///   first, ties in first-applied order, each in its first spelling.
///
/// Without descriptive text or tags the text is title, year and genres. The most informative parts come first
/// because the encoder keeps only the first 256 tokens.
public enum ItemText {
    /// The text of `item`.
    /// - Parameters:
    ///   - item: the catalogue entry with its descriptive text, if any.
    ///   - tags: tag texts users put on it, in the order applied (repeats allowed: they rank the tag).
    /// - Complexity: O(length of the parts + tags log tags).
    public static func text(for item: Item, tags: [String]) -> String {
        var parts: [String] = []
        let title = item.title.trimmingCharacters(in: .whitespacesAndNewlines)
        parts.append(item.year.map { "\(title) (\($0))." } ?? "\(title).")
        if !item.genres.isEmpty { parts.append("Genres: \(item.genres.joined(separator: ", ")).") }
        for text in [item.tagline, item.overview].map({ $0.trimmingCharacters(in: .whitespacesAndNewlines) })
        where !text.isEmpty {
            parts.append(".!?…".contains(text.last ?? ".") ? text : text + ".")
        }
        if !item.keywords.isEmpty { parts.append("Keywords: \(item.keywords.joined(separator: ", ")).") }
        let ranked = rankedTags(tags)
        if !ranked.isEmpty { parts.append("Tags: \(ranked.joined(separator: ", ")).") }
        return parts.joined(separator: " ")
    }

    /// The text of every item in `catalogue`, in catalogue order.
    /// - Parameters:
    ///   - catalogue: the items, with their descriptive text.
    ///   - tags: users' tags; those on items outside the catalogue are ignored.
    /// - Complexity: O(catalogue + tags log tags + total text length).
    public static func texts(for catalogue: [Item], tags: [Tag]) -> [(item: ItemID, text: String)] {
        let ordered = tags.enumerated().sorted { ($0.element.timestamp ?? .min, $0.offset) < ($1.element.timestamp ?? .min, $1.offset) }
        let byItem = Dictionary(grouping: ordered.map(\.element), by: \.item)
        return catalogue.map { item in (item.id, text(for: item, tags: byItem[item.id, default: []].map(\.text))) }
    }

    /// `catalogue` with TMDB's tagline, overview and keywords on the items whose TMDB id is in `tmdb`; TMDB's
    /// empty fields keep the item's own, and the catalogue's title, year and genres stay.
    /// - Complexity: O(catalogue + TMDB records).
    public static func described(_ catalogue: [Item], tmdb: [TMDBMovie]) -> [Item] {
        let movies = Dictionary(tmdb.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return catalogue.map { item in
            guard let movie = item.externalIDs.tmdb.flatMap({ movies[$0] }) else { return item }
            var described = item
            let tagline = movie.tagline.trimmingCharacters(in: .whitespacesAndNewlines)
            let overview = movie.overview.trimmingCharacters(in: .whitespacesAndNewlines)
            if !tagline.isEmpty { described.tagline = tagline }
            if !overview.isEmpty { described.overview = overview }
            if !movie.keywords.isEmpty { described.keywords = movie.keywords }
            return described
        }
    }

    /// Distinct tags (case-insensitive, trimmed, empty ones dropped), most frequent first, then first applied.
    static func rankedTags(_ tags: [String]) -> [String] {
        var counts: [String: (count: Int, first: Int, spelling: String)] = [:]
        for (position, tag) in tags.enumerated() {
            let trimmed = tag.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { continue }
            let key = trimmed.lowercased()
            let previous = counts[key] ?? (0, position, trimmed)
            counts[key] = (previous.count + 1, previous.first, previous.spelling)
        }
        return counts.values.sorted { $0.count != $1.count ? $0.count > $1.count : $0.first < $1.first }.map(\.spelling)
    }
}
