#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RecCore

/// Normalised discounted cumulative gain at `k` with binary gains.
///
/// DCG = Σ rel_i / log2(i + 1) over positions i = 1…min(k, |L|), where rel_i is 1 when the item at
/// position i is relevant; the ideal DCG puts a relevant item in each of the first min(|R|, k)
/// positions. nDCG = DCG / ideal DCG. This is LensKit's `NDCG` with unit gains.
/// - Parameters:
///   - list: recommended items, best first.
///   - relevant: the user's held-out relevant items.
///   - k: the cutoff.
/// - Returns: a value in [0, 1]; 0 when `relevant` is empty (evaluations skip such users).
/// - Precondition: `k > 0`.
/// - Complexity: O(min(k, list.count) + min(k, relevant.count)).
public func ndcg(_ list: [ItemID], relevant: Set<ItemID>, k: Int) -> Double {
    precondition(k > 0, "ndcg@k needs k > 0")
    guard !relevant.isEmpty else { return 0 }
    var gain = 0.0
    for (offset, item) in list.prefix(k).enumerated() where relevant.contains(item) {
        gain += 1 / log2(Double(offset + 2))
    }
    var ideal = 0.0
    for position in 1...min(relevant.count, k) { ideal += 1 / log2(Double(position + 1)) }
    return gain / ideal
}
