import RecCore

/// The catalogue's themes (genre and keyword names) placed in the item-embedding space, so the themes of a
/// recommended item can be ranked by how close they are to a user's interest vector: the content evidence of an
/// explanation.
///
/// A theme's vector is the mean of the embeddings of the catalogue items whose genres or keywords name it
/// (case-insensitively), scaled to unit length. Themes carried by fewer than ``minimumItems`` embedded items get
/// no vector: a theme of one item would only restate that item's own embedding.
public struct ThemeIndex: Sendable {
    /// One theme of an item and its cosine to an interest vector.
    public struct Match: Sendable, Hashable {
        /// The theme as the item spells it, e.g. `"Horror"` or `"haunted house"`.
        public var theme: String
        /// Cosine between the theme's vector and the interest, in (0, 1].
        public var cosine: Float
    }

    /// Fewest embedded items a theme needs to get a vector.
    public let minimumItems: Int
    /// Length of the vectors.
    public let dimension: Int
    /// Unit theme vectors by lower-cased theme.
    private let vectors: [String: [Float]]

    /// The themes of `items` with at least `minimumItems` of them embedded in `embeddings`.
    /// - Complexity: O(Σ themes per item × dimension).
    public init(items: some Sequence<Item>, embeddings: ItemEmbeddings, minimumItems: Int = 2) {
        let d = embeddings.dimension
        var sums: [String: (sum: [Float], count: Int)] = [:]
        for item in items {
            guard let vector = embeddings.vector(of: item.id) else { continue }
            for theme in Self.themes(of: item) {
                var entry = sums[theme.lowercased()] ?? ([Float](repeating: 0, count: d), 0)
                for k in 0..<d { entry.sum[k] += vector[vector.startIndex + k] }
                entry.count += 1
                sums[theme.lowercased()] = entry
            }
        }
        vectors = sums.compactMapValues { entry in
            let norm = entry.sum.reduce(0) { $0 + $1 * $1 }.squareRoot()
            return entry.count >= minimumItems && norm > 0 ? entry.sum.map { $0 / norm } : nil
        }
        self.minimumItems = minimumItems
        dimension = d
    }

    /// The genres, then the keywords of `item`, without case-insensitive repeats, each in its first spelling.
    public static func themes(of item: Item) -> [String] {
        var seen: Set<String> = []
        return (item.genres + item.keywords).filter { !$0.isEmpty && seen.insert($0.lowercased()).inserted }
    }

    /// The themes of `item` whose cosine to `interest` is positive, the `count` closest first; ties keep the
    /// order of ``themes(of:)``. Empty when `interest` is zero or of another dimension.
    /// - Complexity: O(themes of the item × dimension).
    public func closest(of item: Item, to interest: [Float], count: Int) -> [Match] {
        guard interest.count == dimension else { return [] }
        let norm = interest.reduce(0) { $0 + $1 * $1 }.squareRoot()
        guard norm > 0 else { return [] }
        let matches = Self.themes(of: item).compactMap { theme -> Match? in
            guard let vector = vectors[theme.lowercased()] else { return nil }
            let cosine = zip(vector, interest).reduce(0) { $0 + $1.0 * $1.1 } / norm
            return cosine > 0 ? Match(theme: theme, cosine: cosine) : nil
        }
        return Array(matches.enumerated().sorted { $0.element.cosine != $1.element.cosine
            ? $0.element.cosine > $1.element.cosine : $0.offset < $1.offset }.map(\.element).prefix(max(count, 0)))
    }
}
