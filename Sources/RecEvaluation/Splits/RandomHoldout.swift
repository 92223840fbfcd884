import RecCore

/// Holds out a seeded random fraction of interactions, e.g. a validation slice of a training file.
///
/// Uses the same documented shuffle as ``RandomKFold``: the first `round(fraction × n)` shuffled
/// positions are held out.
public struct RandomHoldout: Sendable, Hashable, Codable {
    /// Share of interactions held out, in (0, 1).
    public var fraction: Double
    /// Seed of the shuffle.
    public var seed: UInt64

    /// Creates a holdout protocol.
    public init(fraction: Double = 0.2, seed: UInt64 = 0) {
        self.fraction = fraction
        self.seed = seed
    }

    /// Splits `interactions` into kept and held-out parts, both in input order.
    /// - Throws: ``EvaluationError`` unless 0 < fraction < 1 and both parts are non-empty.
    /// - Complexity: O(n).
    public func split(_ interactions: [Interaction]) throws -> TrainTestSplit {
        guard fraction > 0, fraction < 1 else {
            throw EvaluationError(.invalidInput, "holdout: fraction is \(fraction); expected a number between 0 and 1")
        }
        let heldOutCount = Int((fraction * Double(interactions.count)).rounded())
        guard heldOutCount > 0, heldOutCount < interactions.count else {
            throw EvaluationError(.invalidInput,
                                  "holdout: \(interactions.count) interactions are too few to hold out \(fraction)")
        }
        let order = RandomKFold.shuffledPositions(count: interactions.count, seed: seed)
        var isHeldOut = [Bool](repeating: false, count: interactions.count)
        for position in order.prefix(heldOutCount) { isHeldOut[position] = true }
        var kept: [Interaction] = [], heldOut: [Interaction] = []
        for (position, interaction) in interactions.enumerated() {
            if isHeldOut[position] { heldOut.append(interaction) } else { kept.append(interaction) }
        }
        return TrainTestSplit(name: "holdout", train: kept, test: heldOut)
    }
}
