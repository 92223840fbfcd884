import RecCore

/// Catalogue coverage at `k`: how many distinct items appear in the first `k` slots of any list,
/// divided by the catalogue size.
/// - Parameters:
///   - lists: every evaluated user's recommendations, best first.
///   - k: the cutoff.
///   - catalogueSize: the number of items that could have been recommended.
/// - Returns: a value in [0, 1] when every recommended item is in the catalogue; 0 for an empty catalogue.
/// - Precondition: `k > 0`.
/// - Complexity: O(users × k) time, O(distinct items) memory.
public func itemCoverage(_ lists: [[ItemID]], k: Int, catalogueSize: Int) -> Double {
    precondition(k > 0, "itemCoverage@k needs k > 0")
    guard catalogueSize > 0 else { return 0 }
    var distinct = Set<ItemID>()
    for list in lists { distinct.formUnion(list.prefix(k)) }
    return Double(distinct.count) / Double(catalogueSize)
}
