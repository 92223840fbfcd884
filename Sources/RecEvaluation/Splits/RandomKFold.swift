import RecCore

/// Seeded random k-fold cross-validation over interactions.
///
/// The protocol is reproducible in any language without sharing a random generator's internals
/// beyond SplitMix64: positions `0..<n` are shuffled by Fisher–Yates (`j = next() % (i + 1)`, i from
/// n−1 down to 1) with `SplitMix64(seed:)`, and shuffled position `p` goes to fold `p % folds`.
public struct RandomKFold: Sendable, Hashable, Codable {
    /// Number of folds (≥ 2).
    public var folds: Int
    /// Seed of the shuffle.
    public var seed: UInt64

    /// Creates a k-fold protocol.
    public init(folds: Int = 5, seed: UInt64 = 0) {
        self.folds = folds
        self.seed = seed
    }

    /// The `folds` splits of `interactions`, each test fold disjoint, together covering everything.
    /// - Throws: ``EvaluationError`` if `folds < 2` or there are fewer interactions than folds.
    /// - Complexity: O(folds × n).
    public func splits(of interactions: [Interaction]) throws -> [TrainTestSplit] {
        guard folds >= 2 else {
            throw EvaluationError(.invalidInput, "k-fold: folds is \(folds); expected 2 or more")
        }
        guard interactions.count >= folds else {
            throw EvaluationError(.invalidInput,
                                  "k-fold: \(interactions.count) interactions cannot fill \(folds) folds")
        }
        let order = Self.shuffledPositions(count: interactions.count, seed: seed)
        var foldOf = [Int](repeating: 0, count: interactions.count)
        for (rank, position) in order.enumerated() { foldOf[position] = rank % folds }
        return (0..<folds).map { fold in
            var train: [Interaction] = [], test: [Interaction] = []
            for (position, interaction) in interactions.enumerated() {
                if foldOf[position] == fold { test.append(interaction) } else { train.append(interaction) }
            }
            return TrainTestSplit(name: "fold \(fold + 1)", train: train, test: test)
        }
    }

    /// Positions `0..<count` in the seeded Fisher–Yates order documented on the type.
    static func shuffledPositions(count: Int, seed: UInt64) -> [Int] {
        var generator = SplitMix64(seed: seed)
        var order = Array(0..<count)
        var i = count - 1
        while i > 0 {
            let j = Int(generator.next() % UInt64(i + 1))
            order.swapAt(i, j)
            i -= 1
        }
        return order
    }
}
