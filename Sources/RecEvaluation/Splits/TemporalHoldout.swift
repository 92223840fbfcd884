import RecCore

/// Per-user temporal holdout: each user's most recent interactions are held out, the rest trained on,
/// so the model never sees a user's future.
///
/// Each user's interactions are ordered by timestamp (unknown timestamps first), ties by item id; the
/// last `max(1, round(fraction × n_u))` are held out for users with at least `minimumHistory` interactions;
/// other users are kept entirely in training.
public struct TemporalHoldout: Sendable, Hashable, Codable {
    /// Share of each user's interactions held out, in (0, 1).
    public var fraction: Double
    /// Users with fewer interactions than this keep all of them in training.
    public var minimumHistory: Int

    /// Creates a temporal holdout protocol.
    public init(fraction: Double = 0.2, minimumHistory: Int = 2) {
        self.fraction = fraction
        self.minimumHistory = minimumHistory
    }

    /// Splits `interactions` by time within each user.
    /// - Throws: ``EvaluationError`` unless 0 < fraction < 1.
    /// - Complexity: O(n log n).
    public func split(_ interactions: [Interaction]) throws -> TrainTestSplit {
        guard fraction > 0, fraction < 1 else {
            throw EvaluationError(.invalidInput, "temporal holdout: fraction is \(fraction); expected a number between 0 and 1")
        }
        let byUser = Dictionary(grouping: interactions, by: \.user)
        var train: [Interaction] = [], test: [Interaction] = []
        for user in byUser.keys.sorted() {
            let history = byUser[user, default: []].sorted(by: Interaction.temporallyPrecedes)
            guard history.count >= max(2, minimumHistory) else {
                train += history
                continue
            }
            let heldOut = min(history.count - 1, max(1, Int((fraction * Double(history.count)).rounded())))
            train += history.dropLast(heldOut)
            test += history.suffix(heldOut)
        }
        return TrainTestSplit(name: "temporal", train: train, test: test)
    }
}
