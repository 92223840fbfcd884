/// A fixed-length run of Floats whose first element sits on a 64-byte boundary, with value semantics (copy on
/// write), for parameter matrices that SIMD kernels read and write row by row.
///
/// Why not `[Float]`: Swift puts a large array's first element 48 bytes past a 64-byte boundary (16 past a
/// 32-byte one), so with rows padded to multiples of 8 Floats every `SIMD8<Float>` load and store is misaligned and
/// half of them straddle two cache lines. Aligned, none does; biased-MF SGD on ML-100K `u1` runs ~10 % faster
/// single-threaded (29.5 against 33.0 ms for 20 epochs; `BiasedMF+Training.swift` has the figures in context).
///
/// `@unchecked Sendable` invariant: the storage is written only through `withUnsafeMutableBufferPointer` and the
/// subscript setter, both of which first copy it unless this value holds the only reference
/// (`isKnownUniquelyReferenced`); so storage reachable from two values, or two threads, is never written.
/// `AlignedFloatsTests` checks that writing a copy leaves the original unchanged.
public struct AlignedFloats: @unchecked Sendable, Equatable {
    private final class Storage {
        let pointer: UnsafeMutablePointer<Float>
        let count: Int

        init(count: Int) {
            self.count = count
            pointer = UnsafeMutableRawPointer.allocate(byteCount: max(count, 1) * MemoryLayout<Float>.stride,
                                                       alignment: 64)
                .bindMemory(to: Float.self, capacity: max(count, 1))
        }

        deinit { pointer.deallocate() }
    }

    private var storage: Storage

    /// `count` copies of `value`.
    /// - Complexity: O(count).
    public init(repeating value: Float, count: Int) {
        storage = Storage(count: count)
        storage.pointer.initialize(repeating: value, count: count)
    }

    /// The elements of `values`, in order.
    /// - Complexity: O(values.count).
    public init(_ values: [Float]) {
        storage = Storage(count: values.count)
        values.withUnsafeBufferPointer { storage.pointer.initialize(from: $0.baseAddress!, count: values.count) }
    }

    /// Number of elements.
    public var count: Int { storage.count }

    /// The elements as an array.
    /// - Complexity: O(count).
    public var array: [Float] { withUnsafeBufferPointer { Array($0) } }

    public subscript(index: Int) -> Float {
        get {
            precondition(index >= 0 && index < count, "AlignedFloats index \(index) out of 0..<\(count)")
            return storage.pointer[index]
        }
        set {
            precondition(index >= 0 && index < count, "AlignedFloats index \(index) out of 0..<\(count)")
            makeUnique()
            storage.pointer[index] = newValue
        }
    }

    /// Calls `body` with the elements; the pointer is valid only during the call.
    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Float>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: storage.pointer, count: count))
    }

    /// Calls `body` with the elements for writing, after copying them if another value shares them.
    public mutating func withUnsafeMutableBufferPointer<R>(
        _ body: (UnsafeMutableBufferPointer<Float>) throws -> R
    ) rethrows -> R {
        makeUnique()
        return try body(UnsafeMutableBufferPointer(start: storage.pointer, count: count))
    }

    public static func == (lhs: AlignedFloats, rhs: AlignedFloats) -> Bool {
        lhs.count == rhs.count && lhs.withUnsafeBufferPointer { l in rhs.withUnsafeBufferPointer { r in l.elementsEqual(r) } }
    }

    private mutating func makeUnique() {
        guard !isKnownUniquelyReferenced(&storage) else { return }
        let copy = Storage(count: count)
        copy.pointer.initialize(from: storage.pointer, count: count)
        storage = copy
    }
}
