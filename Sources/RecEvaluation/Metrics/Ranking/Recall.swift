import RecCore

/// Recall at `k`: the share of the relevant items found in the first `k` slots, |L@k ∩ R| / |R|.
///
/// The denominator is plain |R|, so a user with more than `k` relevant items cannot reach 1;
/// LensKit's `Recall` divides by min(|R|, k) instead. `list` is assumed to hold no duplicates.
/// - Parameters:
///   - list: recommended items, best first.
///   - relevant: the user's held-out relevant items.
///   - k: the cutoff.
/// - Returns: a value in [0, 1]; 0 when `relevant` is empty (evaluations skip such users).
/// - Precondition: `k > 0`.
/// - Complexity: O(min(k, list.count)).
public func recall(_ list: [ItemID], relevant: Set<ItemID>, k: Int) -> Double {
    precondition(k > 0, "recall@k needs k > 0")
    guard !relevant.isEmpty else { return 0 }
    return Double(list.prefix(k).count(where: relevant.contains)) / Double(relevant.count)
}
