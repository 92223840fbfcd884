import RecCore

/// Reciprocal rank at `k`: 1 / (position of the first relevant item), counting from 1, when that
/// position is at most `k`, else 0; its mean over users is MRR@k.
/// - Parameters:
///   - list: recommended items, best first.
///   - relevant: the user's held-out relevant items.
///   - k: the cutoff.
/// - Returns: a value in [0, 1]; 0 for an empty list or no relevant items.
/// - Precondition: `k > 0`.
/// - Complexity: O(min(k, list.count)).
public func reciprocalRank(_ list: [ItemID], relevant: Set<ItemID>, k: Int) -> Double {
    precondition(k > 0, "reciprocalRank@k needs k > 0")
    guard let offset = list.prefix(k).firstIndex(where: relevant.contains) else { return 0 }
    return 1 / Double(offset + 1)
}
