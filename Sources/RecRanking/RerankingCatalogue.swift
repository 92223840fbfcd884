#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RecCore

/// What ``ListReranking`` knows about the catalogue: each item's genres, its training popularity and, when
/// text features exist, its embedding. Built once per trained model and catalogue, then shared by every request.
public struct RerankingCatalogue: Sendable {
    /// Genre indices per item.
    public let genres: GenreVocabulary
    /// Training interactions per item; an item absent here counts as 1 (the rarest).
    public let popularity: [ItemID: Int]
    /// The largest value of ``popularity`` (at least 1).
    public let maximumPopularity: Int
    /// Unit text vectors, for ``RerankingDials/ItemSimilarity/embeddings``.
    public let embeddings: ItemEmbeddings?

    /// Indexes `items`' genres and keeps the popularity counts and embeddings.
    /// - Complexity: O(items × genres per item + popularity).
    public init(items: [Item], popularity: [ItemID: Int], embeddings: ItemEmbeddings? = nil) {
        genres = GenreVocabulary(items)
        self.popularity = popularity
        maximumPopularity = max(1, popularity.values.max() ?? 1)
        self.embeddings = embeddings
    }

    /// The inverse-propensity factor (maximumPopularity / popularity)^β of `item`, ≥ 1.
    public func inversePropensity(of item: ItemID, exponent: Double) -> Double {
        guard exponent > 0 else { return 1 }
        let count = max(1, popularity[item] ?? 1)
        return pow(Double(maximumPopularity) / Double(count), exponent)
    }
}
