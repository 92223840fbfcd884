import RecCore

/// A user's interest u = f(U): the time-decayed, sentiment-weighted mean of the embeddings of what they
/// interacted with (items, and texts they wrote, both given as embeddings), kept up to date one event at a time.
///
/// After events k = 1…n with embedding eₖ, sentiment sₖ ∈ [−1, 1] and time tₖ, with T the latest time and
/// dₖ = 2^(−(T − tₖ)/h) for half-life h:
///
///     mean = Σ dₖ·sₖ·eₖ / Σ dₖ·|sₖ|
///
/// so liked items pull the interest towards them, disliked ones push it away, and an event one half-life older
/// than the latest counts half as much. ``add(_:sentiment:at:)`` updates the two sums in O(dimension) without the
/// history: a newer event first scales both sums by 2^(−Δt/h); an older one (out of order) enters already
/// decayed. Directions are what cosine ranking uses, so the common factor of all weights never matters.
public struct InterestVector: Sendable, Codable, Equatable {
    /// The options: the half-life.
    public let configuration: InterestConfiguration
    /// Σ dₖ·sₖ·eₖ, decayed to ``latest``.
    public private(set) var sum: [Float]
    /// Σ dₖ·|sₖ|, decayed to ``latest``.
    public private(set) var totalWeight: Float
    /// Time of the newest event, Unix seconds; `nil` before the first.
    public private(set) var latest: Int64?

    /// An empty interest of `dimension` floats.
    /// - Throws: `AlgorithmError` `.invalidConfiguration` for a bad half-life or `dimension < 1`.
    public init(dimension: Int, configuration: InterestConfiguration = .init()) throws {
        try configuration.validate()
        guard dimension >= 1 else {
            throw AlgorithmError.invalidConfiguration("InterestVector", field: "dimension", expected: "an integer ≥ 1",
                                                      found: "\(dimension)")
        }
        self.configuration = configuration
        sum = [Float](repeating: 0, count: dimension)
        totalWeight = 0
    }

    /// Floats per vector.
    public var dimension: Int { sum.count }

    /// The weighted mean, or `nil` while no event with a non-zero sentiment has been added.
    public var mean: [Float]? {
        guard totalWeight > 0 else { return nil }
        return sum.map { $0 / totalWeight }
    }

    /// Takes one event into account.
    /// - Parameters:
    ///   - embedding: the item's or text's embedding (any length-`dimension` vector; unit length for MiniLM).
    ///   - sentiment: how the user felt, in [−1, 1] (clipped): a rating's ``InterestConfiguration/sentiment(ofRating:scale:)``,
    ///     a review's VADER compound score, 1 for a plain watch.
    ///   - timestamp: when, in Unix seconds.
    /// - Precondition: `embedding.count == dimension`.
    /// - Complexity: O(dimension); no allocation.
    public mutating func add(_ embedding: [Float], sentiment: Float, at timestamp: Int64) {
        precondition(embedding.count == dimension, "embedding of \(embedding.count) floats, expected \(dimension)")
        let d = dimension
        let s = sentiment.isFinite ? min(max(sentiment, -1), 1) : 0
        var weight = s
        if let latest, timestamp < latest {
            weight *= configuration.decay(age: Double(latest - timestamp))
        } else {
            if let latest {
                let factor = configuration.decay(age: Double(timestamp - latest))
                if factor != 1 {
                    sum.withUnsafeMutableBufferPointer { VectorKernels.scale($0.baseAddress!, by: factor, count: d) }
                    totalWeight *= factor
                }
            }
            latest = timestamp
        }
        embedding.withUnsafeBufferPointer { e in
            sum.withUnsafeMutableBufferPointer { VectorKernels.axpy(weight, e.baseAddress!, $0.baseAddress!, count: d) }
        }
        totalWeight += abs(weight)
    }
}
