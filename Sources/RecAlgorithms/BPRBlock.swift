#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import RecCore

/// One stratum block of a ``BPR`` epoch: the users of one user group, the items of one item group, the
/// interactions between them, and private copies of their parameters. Blocks of one diagonal share no user
/// and no item, so they train in parallel without locks and their results do not depend on thread timing.
struct BPRBlock: Sendable {
    /// Global user index of each local user.
    let users: [Int32]
    /// Global item index of each local item.
    let items: [Int32]
    /// Local user of each positive interaction in the block.
    let entryUsers: [Int32]
    /// Local item of each positive interaction in the block.
    let entryItems: [Int32]
    /// Local users' factors, row-major.
    var userFactors: [Float]
    /// Local items' factors, row-major.
    var itemFactors: [Float]
    /// Local items' biases.
    var itemBiases: [Float]

    /// Draws `entryUsers.count` triples: a positive interaction uniformly from the block (with replacement, as
    /// implicit does), and a negative item uniformly from the block's items, redrawn up to `attempts` times
    /// while the user has interacted with it (`seen`, global indices ascending per user); a triple with no
    /// negative found is skipped. Each triple takes implicit's SGD step on x_u, y_i, y_j, b_i and b_j.
    /// - Returns: the number of triples skipped.
    /// - Complexity: O(entries × (factors + attempts × log(items per user))); no allocation.
    mutating func train(factors k: Int, learningRate: Float, regularization: Float, attempts: Int, seen: SparseRows,
                        generator: inout SplitMix64) -> Int {
        guard !entryUsers.isEmpty, !items.isEmpty else { return 0 }
        var skipped = 0
        let samples = entryUsers.count
        users.withUnsafeBufferPointer { users in
        items.withUnsafeBufferPointer { items in
        entryUsers.withUnsafeBufferPointer { entryUsers in
        entryItems.withUnsafeBufferPointer { entryItems in
        seen.indices.withUnsafeBufferPointer { seenItems in
        seen.offsets.withUnsafeBufferPointer { seenOffsets in
        userFactors.withUnsafeMutableBufferPointer { userFactors in
        itemFactors.withUnsafeMutableBufferPointer { itemFactors in
        itemBiases.withUnsafeMutableBufferPointer { itemBiases in
            for _ in 0..<samples {
                let entry = Int.random(in: 0..<samples, using: &generator)
                let user = Int(entryUsers[entry]), positive = Int(entryItems[entry])
                let global = Int(users[user])
                let row = UnsafeBufferPointer(rebasing: seenItems[seenOffsets[global]..<seenOffsets[global + 1]])
                var negative = -1
                for _ in 0..<attempts {
                    let candidate = Int.random(in: 0..<items.count, using: &generator)
                    if !Self.contains(row, items[candidate]) {
                        negative = candidate
                        break
                    }
                }
                guard negative >= 0 else {
                    skipped += 1
                    continue
                }
                Self.step(user: userFactors.baseAddress! + user * k, positive: itemFactors.baseAddress! + positive * k,
                          negative: itemFactors.baseAddress! + negative * k, positiveBias: &itemBiases[positive],
                          negativeBias: &itemBiases[negative], factors: k, learningRate: learningRate,
                          regularization: regularization)
            }
        }}}}}}}}}
        return skipped
    }

    /// implicit's BPR step: z = σ(−x̂_uij) with x̂_uij = x·(y_i − y_j) + b_i − b_j, then
    /// x += lr(z(y_i − y_j) − λx), y_i += lr(z·x − λy_i), y_j += lr(−z·x − λy_j), b_i += lr(z − λb_i),
    /// b_j += lr(−z − λb_j), every right-hand side using the values from before the step.
    /// - Precondition: the three vectors do not overlap (the caller never draws the positive as negative).
    @inline(__always)
    static func step(user x: UnsafeMutablePointer<Float>, positive yi: UnsafeMutablePointer<Float>,
                     negative yj: UnsafeMutablePointer<Float>, positiveBias: inout Float, negativeBias: inout Float,
                     factors k: Int, learningRate: Float, regularization: Float) {
        let score = VectorKernels.dot(x, yi, count: k) - VectorKernels.dot(x, yj, count: k) + positiveBias - negativeBias
        let z = 1 / (1 + expf(score))
        let decay = 1 - learningRate * regularization, gain = learningRate * z
        let decay8 = SIMD8<Float>(repeating: decay), gain8 = SIMD8<Float>(repeating: gain)
        let rx = UnsafeMutableRawPointer(x), ri = UnsafeMutableRawPointer(yi), rj = UnsafeMutableRawPointer(yj)
        var f = 0
        while f + 8 <= k {
            let xo = rx.loadUnaligned(fromByteOffset: f * 4, as: SIMD8<Float>.self)
            let io = ri.loadUnaligned(fromByteOffset: f * 4, as: SIMD8<Float>.self)
            let jo = rj.loadUnaligned(fromByteOffset: f * 4, as: SIMD8<Float>.self)
            rx.storeBytes(of: xo * decay8 + gain8 * (io - jo), toByteOffset: f * 4, as: SIMD8<Float>.self)
            ri.storeBytes(of: io * decay8 + gain8 * xo, toByteOffset: f * 4, as: SIMD8<Float>.self)
            rj.storeBytes(of: jo * decay8 - gain8 * xo, toByteOffset: f * 4, as: SIMD8<Float>.self)
            f += 8
        }
        while f < k {
            let xo = x[f], io = yi[f], jo = yj[f]
            x[f] = xo * decay + gain * (io - jo)
            yi[f] = io * decay + gain * xo
            yj[f] = jo * decay - gain * xo
            f += 1
        }
        positiveBias = positiveBias * decay + gain
        negativeBias = negativeBias * decay - gain
    }

    /// Whether the ascending `row` holds `item` (binary search).
    @inline(__always)
    static func contains(_ row: UnsafeBufferPointer<Int32>, _ item: Int32) -> Bool {
        var low = 0, high = row.count
        while low < high {
            let middle = (low + high) / 2
            if row[middle] == item { return true }
            if row[middle] < item { low = middle + 1 } else { high = middle }
        }
        return false
    }
}
