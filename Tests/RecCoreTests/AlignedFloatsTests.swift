import RecCore
import Testing

/// `AlignedFloats`: 64-byte alignment, and value semantics (the invariant behind its `@unchecked Sendable`).
@Suite struct AlignedFloatsTests {
    @Test func storageStartsOnACacheLine() {
        for count in [1, 7, 100, 10_000, 1_000_000] {
            let values = AlignedFloats(repeating: 1, count: count)
            values.withUnsafeBufferPointer { #expect(UInt(bitPattern: $0.baseAddress!) % 64 == 0, "count \(count)") }
        }
    }

    @Test func writingACopyLeavesTheOriginalUnchanged() {
        let original = AlignedFloats([1, 2, 3])
        var copy = original
        copy[1] = 20
        copy.withUnsafeMutableBufferPointer { $0[2] = 30 }
        #expect(original.array == [1, 2, 3])
        #expect(copy.array == [1, 20, 30])
        #expect(original != copy)
        copy.withUnsafeBufferPointer { pointer in
            original.withUnsafeBufferPointer { #expect(pointer.baseAddress != $0.baseAddress) }
        }
    }

    @Test func emptyStorageIsUsable() {
        let empty = AlignedFloats([])
        #expect(empty.count == 0)
        #expect(empty.array.isEmpty)
    }
}
