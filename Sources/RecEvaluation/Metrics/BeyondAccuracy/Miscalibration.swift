import RecCore

/// Miscalibration at `k` (Steck 2018): the smoothed KL divergence of the genre mix of one list's first `k` items from
/// the genre mix of the user's training history, in nats (``GenreMix/divergence(from:smoothing:adding:)``, α = 0.01).
/// - Parameters:
///   - list: recommended items, best first.
///   - k: the cutoff.
///   - history: the genre mix of the user's training positives.
///   - genres: the catalogue's genre indices.
/// - Returns: ≥ 0; `nil` for an empty list or a history without genres.
/// - Precondition: `k > 0`.
/// - Complexity: O(k × genres per item + genres).
public func miscalibration(_ list: [ItemID], k: Int, history: GenreMix, genres: GenreVocabulary) -> Double? {
    precondition(k > 0, "miscalibration@k needs k > 0")
    guard !list.isEmpty, !history.isEmpty else { return nil }
    return genres.mix(of: list.prefix(k)).divergence(from: history)
}
