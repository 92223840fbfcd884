import RecCore

/// Each user's ratings in time order, so a sample can read the ratings before it and nothing after.
///
/// Ties in time keep entry order; without timestamps, entry order is the time order (the documented fallback).
struct RatingHistories: Sendable {
    /// CSR offsets per user into ``entries``.
    let offsets: [Int]
    /// Entry indices of the training matrix, each user's in time order.
    let entries: [Int32]
    /// For every listed entry, its position in ``entries`` (−1 for entries not listed).
    let positions: [Int]

    /// Orders the listed entries of `matrix` per user by `timestamps` (one per entry, or `nil`).
    /// - Complexity: O(entries log entries).
    init(_ matrix: InteractionMatrix, entries listed: [Int32], timestamps: [Int64]?) {
        var offsets = [Int](repeating: 0, count: matrix.users.count + 1)
        for entry in listed { offsets[Int(matrix.entryUsers[Int(entry)]) + 1] += 1 }
        for user in 0..<matrix.users.count { offsets[user + 1] += offsets[user] }
        var next = offsets
        var entries = [Int32](repeating: 0, count: listed.count)
        for entry in listed.sorted() {
            let user = Int(matrix.entryUsers[Int(entry)])
            entries[next[user]] = entry
            next[user] += 1
        }
        if let timestamps {
            for user in 0..<matrix.users.count {
                entries[offsets[user]..<offsets[user + 1]].sort { a, b in
                    let ta = timestamps[Int(a)], tb = timestamps[Int(b)]
                    return ta != tb ? ta < tb : a < b
                }
            }
        }
        var positions = [Int](repeating: -1, count: matrix.entryCount)
        for (position, entry) in entries.enumerated() { positions[Int(entry)] = position }
        self.offsets = offsets
        self.entries = entries
        self.positions = positions
    }

    /// The at most `length` entries the user of `entry` rated before it, oldest first.
    func history(before entry: Int, user: Int, length: Int) -> ArraySlice<Int32> {
        let position = positions[entry]
        return entries[max(offsets[user], position - length)..<position]
    }

    /// The user's latest `length` entries, oldest first.
    func latest(of user: Int, length: Int) -> ArraySlice<Int32> {
        entries[max(offsets[user], offsets[user + 1] - length)..<offsets[user + 1]]
    }
}
