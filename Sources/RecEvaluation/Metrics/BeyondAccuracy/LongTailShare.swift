import RecCore

/// Long-tail exposure at `k`: the share of all recommended slots (the first `k` of every list) that go to items
/// outside the popular head (``popularHead(_:share:)``).
/// - Returns: a value in [0, 1]; 0 when no list has an item.
/// - Precondition: `k > 0`.
/// - Complexity: O(users × k).
public func longTailShare(_ lists: [[ItemID]], k: Int, head: Set<ItemID>) -> Double {
    precondition(k > 0, "longTailShare@k needs k > 0")
    var slots = 0, tail = 0
    for list in lists {
        for item in list.prefix(k) {
            slots += 1
            if !head.contains(item) { tail += 1 }
        }
    }
    return slots == 0 ? 0 : Double(tail) / Double(slots)
}

/// The popular head: the ⌈`share` × n⌉ most popular of the n items with training interactions (ties by id), the
/// "top 20 % of items" of Abdollahpouri et al. 2019, "The Unfairness of Popularity Bias in Recommendation".
/// Every other item, including those never interacted with, is the long tail.
/// - Complexity: O(n log n).
public func popularHead(_ popularity: [ItemID: Int], share: Double = 0.2) -> Set<ItemID> {
    let ranked = popularity.filter { $0.value > 0 }.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
    let size = Int((share * Double(ranked.count)).rounded(.up))
    return Set(ranked.prefix(size).map(\.key))
}
