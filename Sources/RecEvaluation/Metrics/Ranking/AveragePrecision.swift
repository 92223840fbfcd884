import RecCore

/// Average precision at `k`, whose mean over users is MAP@k:
/// Σ_{i ≤ k} P@i · rel_i / min(|R|, k), where P@i is the share of relevant items among the first i
/// positions and rel_i is 1 when the item at position i is relevant.
///
/// Dividing by min(|R|, k) lets a perfect list reach 1 even when the user has more than `k` relevant items.
/// - Parameters:
///   - list: recommended items, best first.
///   - relevant: the user's held-out relevant items.
///   - k: the cutoff.
/// - Returns: a value in [0, 1]; 0 when `relevant` is empty (evaluations skip such users).
/// - Precondition: `k > 0`.
/// - Complexity: O(min(k, list.count)).
public func averagePrecision(_ list: [ItemID], relevant: Set<ItemID>, k: Int) -> Double {
    precondition(k > 0, "averagePrecision@k needs k > 0")
    guard !relevant.isEmpty else { return 0 }
    var hits = 0
    var sum = 0.0
    for (offset, item) in list.prefix(k).enumerated() where relevant.contains(item) {
        hits += 1
        sum += Double(hits) / Double(offset + 1)
    }
    return sum / Double(min(relevant.count, k))
}
