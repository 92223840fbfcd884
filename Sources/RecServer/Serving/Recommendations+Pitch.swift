import RecCore
import RecGeneration

extension Recommendations {
    /// Genres named in an interest summary.
    static let interestThemeCount = 3

    /// The pseudonymous interests behind a user's pitches: the genres of their liked items, most frequent first
    /// (ties alphabetical), the mood they gave and `reviews`. No id or name.
    func interests(in history: [ItemID: Float], catalogue: Catalogue, mood: String?, reviews: [String]) -> InterestSummary {
        var counts: [String: Int] = [:]
        for item in history.keys { for genre in catalogue.items[item]?.genres ?? [] { counts[genre, default: 0] += 1 } }
        let themes = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(Self.interestThemeCount).map(\.key)
        return InterestSummary(themes: themes, mood: mood, reviews: reviews)
    }

    /// The texts `user` wrote on the items they like, newest first: what ``promptReviews`` lets into prompts.
    func ownReviews(of user: UserID, positives: [ItemID: Float]) async throws -> [String] {
        try await store.tags(of: user).filter { positives[$0.item] != nil }.reversed().map(\.text)
    }

    /// `items` with a pitch each, written concurrently (the generator bounds its own requests in flight).
    func pitch(_ items: [RecommendedItem], interests: InterestSummary, catalogue: Catalogue) async -> [RecommendedItem] {
        let generator = pitches
        let written = await withTaskGroup(of: (Int, Pitch).self) { group in
            for (index, item) in items.enumerated() {
                let facts = catalogue.items[ItemID(item.id)].map { PitchFacts($0) }
                    ?? PitchFacts(item: ItemID(item.id), title: item.title, year: item.year, genres: item.genres)
                group.addTask { (index, await generator.pitch(for: facts, interests: interests)) }
            }
            return await group.reduce(into: [Int: Pitch]()) { $0[$1.0] = $1.1 }
        }
        return items.enumerated().map { index, item in
            var pitched = item
            pitched.pitch = written[index]
            return pitched
        }
    }
}
