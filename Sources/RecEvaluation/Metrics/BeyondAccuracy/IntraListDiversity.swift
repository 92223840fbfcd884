import RecCore

/// Intra-list diversity at `k`: the mean dissimilarity over all pairs of the first `k` items of one list.
///
/// Pairs whose distance is unknown (`nil`) are left out of the mean.
/// - Parameters:
///   - list: recommended items, best first.
///   - k: the cutoff.
///   - distance: the item dissimilarity, e.g. ``GenreJaccardDistance``.
/// - Returns: a value in [0, 1], or `nil` when no pair has a known distance (fewer than two items, or no metadata).
/// - Precondition: `k > 0`.
/// - Complexity: O(min(k, list.count)²) distance calls.
public func intraListDiversity(_ list: [ItemID], k: Int, distance: some ItemDistance) -> Double? {
    precondition(k > 0, "intraListDiversity@k needs k > 0")
    let top = Array(list.prefix(k))
    var sum = 0.0
    var pairs = 0
    for i in top.indices {
        for j in top.indices where j > i {
            guard let d = distance.distance(top[i], top[j]) else { continue }
            sum += d
            pairs += 1
        }
    }
    return pairs > 0 ? sum / Double(pairs) : nil
}
