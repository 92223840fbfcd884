import RecCore

/// Hit at `k`: 1 when any of the first `k` items is relevant, else 0; its mean over users is the hit rate.
/// - Parameters:
///   - list: recommended items, best first.
///   - relevant: the user's held-out relevant items.
///   - k: the cutoff.
/// - Returns: 0 or 1; 0 for an empty list or no relevant items.
/// - Precondition: `k > 0`.
/// - Complexity: O(min(k, list.count)).
public func hitRate(_ list: [ItemID], relevant: Set<ItemID>, k: Int) -> Double {
    precondition(k > 0, "hitRate@k needs k > 0")
    return list.prefix(k).contains(where: relevant.contains) ? 1 : 0
}
