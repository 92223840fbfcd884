import RecCore

/// The parameters ``BPR`` updates while training, and one stratified epoch over them.
struct BPRParameters: Sendable {
    /// x_u, row-major users × factors.
    var userFactors: [Float]
    /// y_i, row-major items × factors.
    var itemFactors: [Float]
    /// b_i per item.
    var itemBiases: [Float]

    /// Whether every parameter is finite.
    var isFinite: Bool {
        userFactors.allSatisfy(\.isFinite) && itemFactors.allSatisfy(\.isFinite) && itemBiases.allSatisfy(\.isFinite)
    }

    /// One epoch: users and items are shuffled into `strata` groups from the stream (seed, epoch); diagonal d
    /// trains blocks (a, (a + d) mod strata) for every a in parallel, each on a copy of its rows and a stream
    /// (seed, epoch, d, a), and the copies are written back in block order before the next diagonal.
    /// - Returns: the triples skipped for want of a negative.
    /// - Complexity: O(entries × (factors + attempts × log(items per user)) + (users + items) × factors).
    mutating func trainEpoch(_ epoch: Int, seen: SparseRows, configuration: BPRConfiguration,
                             learningRate: Float) async throws -> Int {
        let strata = configuration.strata, k = configuration.factors
        var generator = SplitMix64(seed: configuration.seed, mixing: [epoch])
        let (userGroups, userGroup, userSlot) = Self.groups(count: seen.rowCount, strata: strata, using: &generator)
        let (itemGroups, itemGroup, itemSlot) = Self.groups(count: itemBiases.count, strata: strata, using: &generator)
        var blockUsers = [[Int32]](repeating: [], count: strata * strata)
        var blockItems = [[Int32]](repeating: [], count: strata * strata)
        for user in 0..<seen.rowCount {
            for entry in seen.offsets[user]..<seen.offsets[user + 1] {
                let item = Int(seen.indices[entry])
                let block = userGroup[user] * strata + itemGroup[item]
                blockUsers[block].append(userSlot[user])
                blockItems[block].append(itemSlot[item])
            }
        }
        var skipped = 0
        for diagonal in 0..<strata {
            let blocks = (0..<strata).map { a in
                let b = (a + diagonal) % strata
                return BPRBlock(users: userGroups[a], items: itemGroups[b], entryUsers: blockUsers[a * strata + b],
                                entryItems: blockItems[a * strata + b],
                                userFactors: Self.gather(userGroups[a], from: userFactors, width: k),
                                itemFactors: Self.gather(itemGroups[b], from: itemFactors, width: k),
                                itemBiases: itemGroups[b].map { itemBiases[Int($0)] })
            }
            let trained = try await withThrowingTaskGroup(of: (Int, BPRBlock, Int).self) { group in
                for (a, block) in blocks.enumerated() {
                    group.addTask {
                        var block = block
                        var stream = SplitMix64(seed: configuration.seed, mixing: [epoch, diagonal, a])
                        let skips = block.train(factors: k, learningRate: learningRate,
                                                regularization: configuration.regularization,
                                                attempts: configuration.negativeSampleAttempts, seen: seen, generator: &stream)
                        return (a, block, skips)
                    }
                }
                var trained = [(BPRBlock, Int)?](repeating: nil, count: strata)
                for try await (a, block, skips) in group { trained[a] = (block, skips) }
                return trained.compactMap { $0 }
            }
            for (block, skips) in trained {
                Self.scatter(block.userFactors, to: block.users, into: &userFactors, width: k)
                Self.scatter(block.itemFactors, to: block.items, into: &itemFactors, width: k)
                for (slot, item) in block.items.enumerated() { itemBiases[Int(item)] = block.itemBiases[slot] }
                skipped += skips
            }
        }
        return skipped
    }

    /// A seeded shuffle of `0..<count` dealt round-robin into `strata` groups: each group's members (ascending),
    /// and each index's group and position in it.
    private static func groups(count: Int, strata: Int, using generator: inout SplitMix64)
        -> (members: [[Int32]], group: [Int], slot: [Int32]) {
        var order = Array(0..<count)
        order.shuffle(using: &generator)
        var group = [Int](repeating: 0, count: count)
        for (position, index) in order.enumerated() { group[index] = position % strata }
        var members = [[Int32]](repeating: [], count: strata)
        var slot = [Int32](repeating: 0, count: count)
        for index in 0..<count {
            slot[index] = Int32(members[group[index]].count)
            members[group[index]].append(Int32(index))
        }
        return (members, group, slot)
    }

    /// The rows `indices` of a row-major matrix of `width` columns, in order.
    private static func gather(_ indices: [Int32], from matrix: [Float], width: Int) -> [Float] {
        var rows = [Float](repeating: 0, count: indices.count * width)
        for (slot, index) in indices.enumerated() {
            rows[(slot * width)..<((slot + 1) * width)] = matrix[(Int(index) * width)..<((Int(index) + 1) * width)]
        }
        return rows
    }

    /// Writes `rows` back to the rows `indices` of `matrix`.
    private static func scatter(_ rows: [Float], to indices: [Int32], into matrix: inout [Float], width: Int) {
        for (slot, index) in indices.enumerated() {
            matrix[(Int(index) * width)..<((Int(index) + 1) * width)] = rows[(slot * width)..<((slot + 1) * width)]
        }
    }
}
