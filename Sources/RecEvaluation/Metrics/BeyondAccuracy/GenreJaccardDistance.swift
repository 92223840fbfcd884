import RecCore

/// Genre dissimilarity: 1 − |G_a ∩ G_b| / |G_a ∪ G_b| over the two items' genre sets.
///
/// Unknown for a pair where either item is absent from the catalogue or has no genres, so items
/// without metadata neither raise nor lower diversity.
public struct GenreJaccardDistance: ItemDistance {
    private let genres: [ItemID: Set<String>]

    /// Keeps the genre set of every catalogue item that has genres.
    /// - Complexity: O(catalogue × genres per item).
    public init(_ catalogue: [Item]) {
        var genres: [ItemID: Set<String>] = [:]
        for item in catalogue where !item.genres.isEmpty { genres[item.id] = Set(item.genres) }
        self.genres = genres
    }

    /// 1 − Jaccard similarity of the genre sets, or `nil` if either item has none.
    /// - Complexity: O(genres per item).
    public func distance(_ a: ItemID, _ b: ItemID) -> Double? {
        guard let ga = genres[a], let gb = genres[b] else { return nil }
        let shared = ga.intersection(gb).count
        return 1 - Double(shared) / Double(ga.count + gb.count - shared)
    }
}
