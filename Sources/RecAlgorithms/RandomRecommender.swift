import RecCore

/// The random baseline: every item gets a score drawn from a generator seeded by the model's seed and the
/// user's id, so one user's list is the same on every request and every platform, and differs between users.
public struct RandomRecommender: TopNRecommender, Codable {
    /// Id maps, seen items and popularity.
    public let history: TrainingHistory
    /// Seed mixed with each user's id.
    public let seed: UInt64

    /// Keeps the training history; nothing is learnt.
    /// - Parameters:
    ///   - matrix: training interactions, used only for exclusion and the unknown-user fallback.
    ///   - seed: fixes every user's list.
    /// - Throws: `AlgorithmError` `.emptyTrainingData` for an empty matrix.
    /// - Complexity: O(entries log entries per user).
    public static func fit(_ matrix: InteractionMatrix, seed: UInt64 = 0) throws -> RandomRecommender {
        guard matrix.entryCount > 0 else { throw AlgorithmError.emptyTrainingData("RandomRecommender") }
        return RandomRecommender(history: TrainingHistory(matrix), seed: seed)
    }

    /// Uniform scores in [0, 1) from a ``SplitMix64`` seeded by mixing the seed with the user id's UTF-8 bytes,
    /// one SplitMix64 step per byte (Swift's `Hasher` is randomly seeded per process, so it is not used).
    /// - Complexity: O(items log count + length of the id).
    public func recommend(for user: UserID, count: Int, excluding excluded: Set<ItemID>, includeSeen: Bool) -> TopNList {
        history.recommend(for: user, count: count, excluding: excluded, includeSeen: includeSeen) { _, scores in
            var generator = SplitMix64(seed: seed, mixing: user.rawValue.utf8)
            for index in scores.indices { scores[index] = Float.random(in: 0..<1, using: &generator) }
        }
    }
}
