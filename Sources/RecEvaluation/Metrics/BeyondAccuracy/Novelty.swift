#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RecCore

/// Novelty at `k`: the mean self-information −log2(pop(i) / users) of the first `k` items of one list,
/// where pop(i) is the number of training users who interacted with item i.
///
/// An item with no training interactions counts as pop 1 (the rarest possible), keeping the value finite.
/// - Parameters:
///   - list: recommended items, best first.
///   - k: the cutoff.
///   - popularity: training users per item.
///   - userCount: the number of training users.
/// - Returns: bits, ≥ 0; `nil` for an empty list.
/// - Precondition: `k > 0`, `userCount > 0`.
/// - Complexity: O(min(k, list.count)).
public func novelty(_ list: [ItemID], k: Int, popularity: [ItemID: Int], userCount: Int) -> Double? {
    precondition(k > 0, "novelty@k needs k > 0")
    precondition(userCount > 0, "novelty needs at least one training user")
    let top = list.prefix(k)
    guard !top.isEmpty else { return nil }
    var bits = 0.0
    for item in top { bits -= log2(Double(max(popularity[item] ?? 0, 1)) / Double(userCount)) }
    return bits / Double(top.count)
}
