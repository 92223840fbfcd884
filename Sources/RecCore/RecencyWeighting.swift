#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// How much each of a user's positives counts in the history a model scores them from, by how recent it is: of a
/// user's n positives, the newest counts its full value and each earlier one 2^(−k / (``halfLifeShare`` · n)) of it,
/// k being how many of the user's positives came after it. With share 0.2, a positive followed by a fifth of the
/// user's history counts half.
///
/// A user's latest items say more about what they will watch next than their oldest ones, which is what temporal
/// protocols (each user's latest positives held out) and serving (the next list after new feedback) ask about. The
/// model is still fitted on the unweighted positives; only the history it folds in (``FoldInRecommender``) is
/// weighted, so the same trained model serves either way. The half-life is a share of each user's own history, so
/// it means the same for a user with 20 positives and one with 500, and for a validation split carved from the
/// training positives (shorter histories) and the test split.
///
/// Order is the protocols' temporal order, ``Interaction/temporallyPrecedes(_:_:)``.
public struct RecencyWeighting: Sendable, Codable, Hashable {
    /// The share of a user's positives after which an item's weight has halved; > 0 and finite.
    public var halfLifeShare: Float

    /// Creates a weighting.
    public init(halfLifeShare: Float) {
        self.halfLifeShare = halfLifeShare
    }

    /// Whether ``halfLifeShare`` is a finite number > 0, as every weighting must have; the commands that read one
    /// check it.
    public var isValid: Bool { halfLifeShare > 0 && halfLifeShare.isFinite }

    /// The weight of a positive followed by `later` more recent positives of a user with `count` positives:
    /// 2^(−later / (halfLifeShare · count)).
    /// - Complexity: O(1).
    public func weight(later: Int, of count: Int) -> Float {
        exp2f(-Float(later) / (halfLifeShare * Float(max(count, 1))))
    }

    /// One user's history, item → value × weight, from their positives in any order; an item listed twice keeps the
    /// larger weighted value.
    /// - Complexity: O(n log n) for n positives.
    public func history(of positives: [Interaction]) -> [ItemID: Float] {
        let ordered = positives.sorted(by: Interaction.temporallyPrecedes)
        var history: [ItemID: Float] = [:]
        history.reserveCapacity(ordered.count)
        for (position, positive) in ordered.enumerated() {
            let value = (positive.value ?? 1) * weight(later: ordered.count - 1 - position, of: ordered.count)
            history[positive.item] = max(history[positive.item] ?? value, value)
        }
        return history
    }
}
