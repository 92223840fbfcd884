/// Lays out a network's parameters in one flat `[Float]`: each layer asks for a range and keeps only its offset,
/// so an optimiser, a gradient buffer and a per-worker gradient copy are all plain arrays of the same length.
///
/// Layers built from one allocator in the same order get the same offsets and, for the same generator state,
/// the same initial values: a network is reproducible from its seed.
public struct ParameterAllocator: Sendable {
    /// The initial values of every parameter allocated so far, in allocation order.
    public private(set) var values: [Float] = []

    /// An allocator with no parameters yet.
    public init() {}

    /// Reserves `count` parameters drawn from N(0, `standardDeviation`²) (zeros when the deviation is 0) and
    /// returns the offset of the first.
    /// - Complexity: O(count).
    public mutating func allocate(_ count: Int, standardDeviation: Float, generator: inout SplitMix64) -> Int {
        precondition(count >= 0 && standardDeviation >= 0, "negative parameter count or deviation")
        let offset = values.count
        if standardDeviation == 0 {
            values.append(contentsOf: repeatElement(0, count: count))
        } else {
            values.append(contentsOf: generator.gaussians(count: count, standardDeviation: standardDeviation))
        }
        return offset
    }

    /// Reserves parameters holding exactly `initial` and returns the offset of the first.
    /// - Complexity: O(initial.count).
    public mutating func allocate(_ initial: [Float]) -> Int {
        let offset = values.count
        values.append(contentsOf: initial)
        return offset
    }

    /// Overwrites the initial values at `range` with `value`, e.g. an LSTM's forget-gate biases with 1.
    /// - Precondition: `range` lies within the parameters allocated so far.
    public mutating func fill(_ range: Range<Int>, with value: Float) {
        for index in range { values[index] = value }
    }
}
