import RecCore

/// The most-popular baseline: every user gets the items the most training users interacted with.
public struct MostPopular: TopNRecommender, Codable {
    /// Id maps, seen items and popularity.
    public let history: TrainingHistory

    /// Counts each item's users.
    /// - Throws: ``AlgorithmError`` for an empty matrix.
    /// - Complexity: O(entries).
    public static func fit(_ matrix: InteractionMatrix) throws -> MostPopular {
        guard matrix.entryCount > 0 else { throw AlgorithmError.emptyTrainingData("MostPopular") }
        return MostPopular(history: TrainingHistory(matrix))
    }

    public func recommend(for user: UserID, count: Int, excluding excluded: Set<ItemID>, includeSeen: Bool) -> TopNList {
        history.recommend(for: user, count: count, excluding: excluded, includeSeen: includeSeen) { _, scores in
            for (index, users) in history.popularity.counts.enumerated() { scores[index] = Float(users) }
        }
    }
}
