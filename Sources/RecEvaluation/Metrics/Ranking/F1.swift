import RecCore

/// F1 at `k`: the harmonic mean of ``precision(_:relevant:k:)`` and ``recall(_:relevant:k:)``,
/// 2·P·R / (P + R), for one list. (A report's `f1@k` is the mean of these per-user values, not the
/// harmonic mean of mean precision and mean recall.)
/// - Parameters:
///   - list: recommended items, best first.
///   - relevant: the user's held-out relevant items.
///   - k: the cutoff.
/// - Returns: a value in [0, 1]; 0 when precision and recall are both 0.
/// - Precondition: `k > 0`.
/// - Complexity: O(min(k, list.count)).
public func f1(_ list: [ItemID], relevant: Set<ItemID>, k: Int) -> Double {
    let p = precision(list, relevant: relevant, k: k)
    let r = recall(list, relevant: relevant, k: k)
    return p + r > 0 ? 2 * p * r / (p + r) : 0
}
