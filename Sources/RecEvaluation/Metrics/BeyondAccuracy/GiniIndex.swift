import RecCore

/// Gini index of exposure at `k`: how unequally the first `k` slots of all lists are spread over the catalogue.
///
/// Each catalogue item's count c is the number of lists showing it in their first `k` slots; items never
/// shown count 0. With the n counts sorted ascending (c_1 ≤ … ≤ c_n),
/// G = Σ_i (2i − n − 1) · c_i / (n · Σ_i c_i). G is 0 when every item is shown equally often and
/// (n − 1)/n when a single item takes every slot.
/// - Parameters:
///   - lists: every evaluated user's recommendations, best first.
///   - k: the cutoff.
///   - catalogueSize: the number of items that could have been recommended.
/// - Returns: a value in [0, 1); 0 when nothing is shown.
/// - Precondition: `k > 0` and `catalogueSize` is at least the number of distinct items shown.
/// - Complexity: O(users × k + n log n).
public func giniIndex(_ lists: [[ItemID]], k: Int, catalogueSize: Int) -> Double {
    precondition(k > 0, "giniIndex@k needs k > 0")
    var exposure: [ItemID: Int] = [:]
    for list in lists { for item in list.prefix(k) { exposure[item, default: 0] += 1 } }
    precondition(exposure.count <= catalogueSize, "giniIndex: more items shown than the catalogue holds")
    let shown = exposure.values.sorted()
    let total = shown.reduce(0, +)
    guard total > 0 else { return 0 }
    let n = catalogueSize
    let unshown = n - shown.count  // the zero counts sort first and add nothing
    var weighted = 0.0
    for (offset, count) in shown.enumerated() {
        let i = unshown + offset + 1
        weighted += Double(2 * i - n - 1) * Double(count)
    }
    return weighted / (Double(n) * Double(total))
}
