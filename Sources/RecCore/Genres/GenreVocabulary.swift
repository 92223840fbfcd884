/// Dense indices for the catalogue's genres, so that genre mixes are arrays rather than string dictionaries:
/// the calibrated re-ranking evaluates a mix per candidate per pick.
public struct GenreVocabulary: Sendable {
    /// Genre names by index, in first-seen order (case kept as the catalogue spells it; matching ignores case).
    public private(set) var names: [String] = []
    private var indices: [String: Int] = [:]
    /// Each catalogue item's genre indices, sorted and distinct.
    public private(set) var genresByItem: [ItemID: [Int]] = [:]

    /// Indexes the genres of every item in `catalogue`.
    /// - Complexity: O(catalogue × genres per item).
    public init(_ catalogue: [Item]) {
        for item in catalogue where !item.genres.isEmpty {
            var own: [Int] = []
            for genre in item.genres {
                let key = genre.lowercased()
                if let index = indices[key] {
                    own.append(index)
                } else {
                    indices[key] = names.count
                    own.append(names.count)
                    names.append(genre)
                }
            }
            genresByItem[item.id] = Array(Set(own)).sorted()
        }
    }

    /// The number of distinct genres.
    public var count: Int { names.count }

    /// The genre indices of `item`; empty for an item without genres or outside the catalogue.
    public func genres(of item: ItemID) -> [Int] { genresByItem[item] ?? [] }

    /// The mix of the items' genres, each item weighted by its value (Steck 2018's p(g|u) for a history).
    /// - Complexity: O(items × genres per item + genres).
    public func mix<Items: Sequence>(of items: Items) -> GenreMix where Items.Element == (key: ItemID, value: Float) {
        var mix = GenreMix(genreCount: count)
        for (item, weight) in items where weight > 0 { mix.add(genres(of: item), weight: Double(weight)) }
        return mix
    }

    /// The mix of the items' genres, each item counting once: a recommendation list's q(g|l).
    /// - Complexity: O(items × genres per item + genres).
    public func mix(of items: some Sequence<ItemID>) -> GenreMix {
        var mix = GenreMix(genreCount: count)
        for item in items { mix.add(genres(of: item), weight: 1) }
        return mix
    }
}
