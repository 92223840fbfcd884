/// The "but" rule: sentiment before the first "but" counts half, sentiment after it one and a half times.
extension VADER {
    /// Rescales `sentiments` around the first "but" in `lowered` exactly as vaderSentiment's `_but_check` does.
    ///
    /// The Python loop visits each position `k` but rescales `sentiments.index(sentiments[k])`, the *first* position
    /// currently holding an equal value, so with repeated valences an earlier word can be rescaled twice and a later
    /// one not at all. That quirk changes scores, so it is reproduced; a min-heap of positions per value finds the
    /// first holder in O(log n) instead of Python's linear search.
    /// - Complexity: O(n log n) for n words.
    static func applyContrastiveBut(_ lowered: [CodePoints], to sentiments: inout [Double]) {
        guard let butIndex = lowered.firstIndex(where: { $0.matches("but") }) else { return }
        var holders: [Double: PositionHeap] = [:]
        for (position, sentiment) in sentiments.enumerated() { holders[sentiment, default: PositionHeap()].insert(position) }
        for position in sentiments.indices {
            let sentiment = sentiments[position]
            guard let first = holders[sentiment]?.minimum else { continue }
            let rescaled: Double
            if first < butIndex {
                rescaled = sentiment * 0.5
            } else if first > butIndex {
                rescaled = sentiment * 1.5
            } else {
                continue
            }
            guard rescaled != sentiment else { continue }
            holders[sentiment]?.removeMinimum()
            holders[rescaled, default: PositionHeap()].insert(first)
            sentiments[first] = rescaled
        }
    }
}

/// A binary min-heap of word positions.
private struct PositionHeap {
    private var storage: [Int] = []

    /// The smallest position, if any.
    var minimum: Int? { storage.first }

    /// Adds `position`. - Complexity: O(log n).
    mutating func insert(_ position: Int) {
        storage.append(position)
        var child = storage.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard storage[child] < storage[parent] else { break }
            storage.swapAt(child, parent)
            child = parent
        }
    }

    /// Removes the smallest position. - Complexity: O(log n).
    mutating func removeMinimum() {
        guard !storage.isEmpty else { return }
        storage.swapAt(0, storage.count - 1)
        storage.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < storage.count && storage[left] < storage[smallest] { smallest = left }
            if right < storage.count && storage[right] < storage[smallest] { smallest = right }
            guard smallest != parent else { return }
            storage.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
