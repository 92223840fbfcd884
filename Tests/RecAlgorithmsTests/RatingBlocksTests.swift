import Testing
import RecCore
@testable import RecAlgorithms

/// The invariant behind `EpochBuffers`' `@unchecked Sendable`: blocks trained together share no user and no item.
@Suite struct RatingBlocksTests {
    @Test(arguments: [1, 2, 3, 4])
    func blocksOfAStratumShareNoUserAndNoItem(threads: Int) {
        let matrix = BiasedMFTests.lowRank
        let users = BlockLayout(rows: matrix.users.count, threads: threads)
        let items = BlockLayout(rows: matrix.items.count, threads: threads)
        var generator = SplitMix64(seed: 1)
        let blocks = RatingBlocks(matrix, entries: Array(0..<Int32(matrix.entryCount)), users: users, items: items,
                                  generator: &generator)
        func rows(of block: Int) -> (users: Set<Int32>, items: Set<Int32>) {
            let entries = blocks.entries[blocks.offsets[block]..<blocks.offsets[block + 1]]
            return (Set(entries.map(\.user)), Set(entries.map(\.item)))
        }
        var covered: [Int] = []
        for stratum in 0..<threads {
            let members = blocks.stratum(stratum)
            #expect(members.count == threads)
            covered += members
            for (a, first) in members.enumerated() {
                for second in members[(a + 1)...] {
                    #expect(rows(of: first).users.isDisjoint(with: rows(of: second).users))
                    #expect(rows(of: first).items.isDisjoint(with: rows(of: second).items))
                }
            }
        }
        #expect(covered.sorted() == Array(0..<threads * threads), "the strata cover every block once")
    }

    /// Every listed rating lands in exactly one block, with its user and item stored at their slots.
    @Test(arguments: [1, 2, 3])
    func everyRatingIsKeptOnceAtItsSlots(threads: Int) {
        let matrix = BiasedMFTests.lowRank
        let users = BlockLayout(rows: matrix.users.count, threads: threads)
        let items = BlockLayout(rows: matrix.items.count, threads: threads)
        let listed = Array(stride(from: Int32(0), to: Int32(matrix.entryCount), by: 2))
        var generator = SplitMix64(seed: 1)
        let blocks = RatingBlocks(matrix, entries: listed, users: users, items: items, generator: &generator)
        let expected = listed.map {
            RatingEntry(user: Int32(users.slot(of: Int(matrix.entryUsers[Int($0)]))),
                        item: Int32(items.slot(of: Int(matrix.entryItems[Int($0)]))), value: matrix.entryValues[Int($0)])
        }
        func key(_ entry: RatingEntry) -> [Float] { [Float(entry.user), Float(entry.item), entry.value] }
        #expect(blocks.entries.map(key).sorted { $0.lexicographicallyPrecedes($1) }
                == expected.map(key).sorted { $0.lexicographicallyPrecedes($1) })
        #expect(blocks.offsets.first == 0 && blocks.offsets.last == listed.count)
    }

    /// Slots are distinct, in range, and each block's rows are contiguous.
    @Test(arguments: [(1, 10), (2, 10), (3, 10), (4, 3)])
    func slotsAreABijectionOntoContiguousBlocks(threads: Int, rows: Int) {
        let layout = BlockLayout(rows: rows, threads: threads)
        let slots = (0..<rows).map(layout.slot(of:))
        #expect(Set(slots).count == rows && slots.allSatisfy { $0 >= 0 && $0 < layout.slots })
        for row in 0..<rows {
            #expect(slots[row] / layout.rowsPerBlock == layout.block(of: row))
        }
    }
}
