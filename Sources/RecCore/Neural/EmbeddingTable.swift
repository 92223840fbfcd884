/// A lookup table of `rows` learned vectors of `dimension` floats over a network's flat parameter array: the
/// user and item embeddings of neural MF, the item embeddings of the history LSTM, and AutoRec's encoder and
/// decoder (one row per user).
public struct EmbeddingTable: Sendable, Codable, Equatable {
    /// Number of vectors.
    public let rows: Int
    /// Floats per vector.
    public let dimension: Int
    /// Offset of row 0; row r starts at `offset + r × dimension`.
    public let offset: Int

    /// Allocates the table with entries from N(0, `standardDeviation`²).
    /// - Precondition: `rows ≥ 0`, `dimension ≥ 1`.
    public init(rows: Int, dimension: Int, standardDeviation: Float, allocator: inout ParameterAllocator,
                generator: inout SplitMix64) {
        precondition(rows >= 0 && dimension >= 1, "an embedding table needs a dimension of at least 1")
        self.rows = rows
        self.dimension = dimension
        offset = allocator.allocate(rows * dimension, standardDeviation: standardDeviation, generator: &generator)
    }

    /// Allocates the table holding `initial` (rows × dimension, row-major), e.g. biases fitted by a baseline.
    /// - Precondition: `initial.count` is a multiple of `dimension ≥ 1`.
    public init(initial: [Float], dimension: Int, allocator: inout ParameterAllocator) {
        precondition(dimension >= 1 && initial.count % dimension == 0, "initial values are not whole rows")
        rows = initial.count / dimension
        self.dimension = dimension
        offset = allocator.allocate(initial)
    }

    /// Index of row `row`'s first float in the parameter array (or in any buffer with the same layout, such as
    /// gradients or Adam's moments).
    @inlinable
    public func start(of row: Int) -> Int { offset + row * dimension }

    /// Adds `weight` × row `row` to `output`: one term of an embedding bag (AutoRec's encoder sums the rows of the
    /// users who rated an item, weighted by their ratings).
    /// - Complexity: O(dimension).
    @inlinable
    public func addRow(_ row: Int, weight: Float, of parameters: UnsafePointer<Float>,
                       to output: UnsafeMutablePointer<Float>) {
        VectorKernels.axpy(weight, parameters + start(of: row), output, count: dimension)
    }

    /// Back-propagates a lookup: adds `weight` × ∂L/∂output to row `row` of `parameterGradients`.
    /// - Complexity: O(dimension).
    @inlinable
    public func backward(_ row: Int, weight: Float = 1, outputGradient: UnsafePointer<Float>,
                         parameterGradients: UnsafeMutablePointer<Float>) {
        VectorKernels.axpy(weight, outputGradient, parameterGradients + start(of: row), count: dimension)
    }
}
