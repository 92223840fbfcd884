import RecCore

/// Precision at `k`: the share of the first `k` slots that hold a relevant item, |L@k ∩ R| / k.
///
/// The denominator is `k` even when `list` is shorter, so a short list is penalised (TREC's P@k);
/// LensKit's `Precision` divides by the list length instead. `list` is assumed to hold no duplicates.
/// - Parameters:
///   - list: recommended items, best first.
///   - relevant: the user's held-out relevant items.
///   - k: the cutoff.
/// - Returns: a value in [0, 1]; 0 for an empty list.
/// - Precondition: `k > 0`.
/// - Complexity: O(min(k, list.count)).
public func precision(_ list: [ItemID], relevant: Set<ItemID>, k: Int) -> Double {
    precondition(k > 0, "precision@k needs k > 0")
    return Double(list.prefix(k).count(where: relevant.contains)) / Double(k)
}
