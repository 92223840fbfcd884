#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A distribution over genres built from weighted items, each spreading its weight evenly over its genres
/// (p(g|i) = 1/|G(i)|, Steck 2018, "Calibrated Recommendations"), and the smoothed KL divergence that measures
/// how far a recommendation list's mix is from a user's history.
public struct GenreMix: Sendable, Equatable {
    /// Unnormalised weight per genre index.
    public private(set) var weights: [Double]
    /// The sum of ``weights``.
    public private(set) var total: Double = 0

    /// An empty mix over `genreCount` genres.
    public init(genreCount: Int) {
        weights = [Double](repeating: 0, count: genreCount)
    }

    /// Adds an item with the given genre indices and weight; an item without genres adds nothing.
    /// - Complexity: O(genres of the item).
    public mutating func add(_ genres: [Int], weight: Double) {
        guard !genres.isEmpty, weight > 0 else { return }
        let share = weight / Double(genres.count)
        for genre in genres { weights[genre] += share }
        total += weight
    }

    /// Whether no weighted item with genres was added.
    public var isEmpty: Bool { total == 0 }

    /// The probability of a genre, 0 for an empty mix.
    public func probability(of genre: Int) -> Double { total > 0 ? weights[genre] / total : 0 }

    /// Steck's miscalibration KL(p ‖ q̃) in nats, where p is `target` (the user's history), q this mix (the list)
    /// and q̃ = (1 − α)·q + α·p keeps it finite where the list misses a genre of the history.
    ///
    /// With `adding`, the item with those genres is counted into q first (weight 1) without copying the mix:
    /// the calibrated re-ranking's marginal evaluation. 0 when `target` is empty.
    /// - Precondition: both mixes span the same genres; `0 < smoothing ≤ 1`; `adding` is sorted ascending and
    ///   distinct, as ``GenreVocabulary/genres(of:)`` gives it.
    /// - Complexity: O(genres).
    public func divergence(from target: GenreMix, smoothing: Double = 0.01, adding genres: [Int] = []) -> Double {
        precondition(weights.count == target.weights.count, "genre mixes over different vocabularies")
        precondition(smoothing > 0 && smoothing <= 1, "smoothing must be in (0, 1]")
        guard target.total > 0 else { return 0 }
        let extra = genres.isEmpty ? 0.0 : 1.0
        let listTotal = total + extra
        let share = genres.isEmpty ? 0 : 1 / Double(genres.count)
        var divergence = 0.0
        var next = 0
        for genre in weights.indices {
            let p = target.weights[genre] / target.total
            guard p > 0 else {
                if next < genres.count, genres[next] == genre { next += 1 }
                continue
            }
            var weight = weights[genre]
            if next < genres.count, genres[next] == genre { weight += share; next += 1 }
            let q = listTotal > 0 ? weight / listTotal : 0
            divergence += p * log(p / ((1 - smoothing) * q + smoothing * p))
        }
        return divergence
    }
}
