/// Picks the k highest-scoring indices from a dense score vector without sorting all of it.
///
/// Ties break by the smaller index, so results are deterministic. Shared by every top-N model.
public enum TopKSelection {
    /// The `k` best `(index, score)` pairs of `scores`, best first, skipping indices where `isExcluded` is true
    /// and scores that are NaN.
    /// - Complexity: O(n log k) time, O(k) memory.
    public static func best(_ k: Int, of scores: UnsafeBufferPointer<Float>,
                            excluding isExcluded: (Int) -> Bool) -> [(index: Int, score: Float)] {
        guard k > 0 else { return [] }
        // A min-heap of the best k seen so far; its root is the weakest kept candidate.
        var heap: [(index: Int, score: Float)] = []
        heap.reserveCapacity(k)
        func weaker(_ a: (index: Int, score: Float), _ b: (index: Int, score: Float)) -> Bool {
            a.score != b.score ? a.score < b.score : a.index > b.index
        }
        func siftDown(_ start: Int) {
            var parent = start
            while true {
                let left = 2 * parent + 1, right = left + 1
                var weakest = parent
                if left < heap.count, weaker(heap[left], heap[weakest]) { weakest = left }
                if right < heap.count, weaker(heap[right], heap[weakest]) { weakest = right }
                if weakest == parent { return }
                heap.swapAt(parent, weakest)
                parent = weakest
            }
        }
        for index in 0..<scores.count where !scores[index].isNaN && !isExcluded(index) {
            let candidate = (index: index, score: scores[index])
            if heap.count < k {
                heap.append(candidate)
                var child = heap.count - 1
                while child > 0 {
                    let parent = (child - 1) / 2
                    guard weaker(heap[child], heap[parent]) else { break }
                    heap.swapAt(child, parent)
                    child = parent
                }
            } else if weaker(heap[0], candidate) {
                heap[0] = candidate
                siftDown(0)
            }
        }
        return heap.sorted { weaker($1, $0) }
    }
}
