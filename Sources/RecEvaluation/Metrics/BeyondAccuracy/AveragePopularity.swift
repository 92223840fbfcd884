import RecCore

/// Average popularity at `k`: the mean number of training users of the first `k` items of one list
/// (items absent from training count 0). High values mean the model leans on blockbusters.
/// - Parameters:
///   - list: recommended items, best first.
///   - k: the cutoff.
///   - popularity: training users per item.
/// - Returns: users per item; `nil` for an empty list.
/// - Precondition: `k > 0`.
/// - Complexity: O(min(k, list.count)).
public func averagePopularity(_ list: [ItemID], k: Int, popularity: [ItemID: Int]) -> Double? {
    precondition(k > 0, "averagePopularity@k needs k > 0")
    let top = list.prefix(k)
    guard !top.isEmpty else { return nil }
    return Double(top.reduce(0) { $0 + (popularity[$1] ?? 0) }) / Double(top.count)
}
