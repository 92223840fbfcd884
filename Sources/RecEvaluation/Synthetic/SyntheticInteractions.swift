#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RecCore

/// A seeded generator of implicit interactions with a long-tailed item popularity and low-rank user
/// taste, for scaling tests and benchmarks where no real data set is big enough.
///
/// The model: item i (0-based) has popularity weight 1/(i + 1)^s for s = ``zipfExponent``, so item `"0"`
/// is the most popular. Users and items get latent vectors of ``factors`` components, each normal with
/// variance 1/√factors, so a user–item affinity a = p_u · q_i is roughly standard normal. User u draws
/// its items without replacement with probability ∝ weight × exp(a) (Efraimidis–Spirakis: the items with
/// the largest log weight + a − log E, E exponential, in that order). Users get equal quotas:
/// ⌊N/U⌋ interactions each, one more for the first N mod U users.
///
/// Randomness: `SplitMix64(seed:)` first draws the item vectors (item by item, component by component,
/// via ``SplitMix64/nextGaussian(mean:standardDeviation:)``), then one `next()` per user in order seeds
/// that user's own SplitMix64, which draws the user's vector and then one uniform per item.
public struct SyntheticInteractions: Sendable, Hashable, Codable {
    /// Number of users; ids are `"0"`, `"1"`, ….
    public var users: Int
    /// Number of items; ids are `"0"`, `"1"`, …, in descending base popularity.
    public var items: Int
    /// Total number of interactions (distinct user–item pairs).
    public var interactions: Int
    /// Latent dimensions of the taste model.
    public var factors: Int
    /// Zipf exponent s of the item popularity weights 1/rank^s; 0 is uniform.
    public var zipfExponent: Double
    /// Seed of everything random.
    public var seed: UInt64

    /// Creates a generator; the defaults match MovieLens 1M's shape (6,040 users × 3,706 items, 1,000,000 interactions).
    public init(users: Int = 6040, items: Int = 3706, interactions: Int = 1_000_000, factors: Int = 16,
                zipfExponent: Double = 1, seed: UInt64 = 0) {
        self.users = users
        self.items = items
        self.interactions = interactions
        self.factors = factors
        self.zipfExponent = zipfExponent
        self.seed = seed
    }

    /// The interactions, user by user in id order, each user's items in draw order: kind `.watched`,
    /// value 1 and timestamp = position in the user's draws (0, 1, …), so temporal protocols hold out the
    /// last draws.
    /// - Throws: ``EvaluationError`` unless users, items and factors are positive, interactions is not
    ///   negative and a user's quota ⌈N/U⌉ fits in the catalogue.
    /// - Complexity: O(users × items × factors) time; memory O(interactions + items × factors).
    public func generate() throws -> [Interaction] {
        guard users > 0, items > 0, factors > 0, interactions >= 0 else {
            throw EvaluationError(.invalidInput, "synthetic data: users \(users), items \(items), factors \(factors), "
                                  + "interactions \(interactions); expected positive counts")
        }
        let quota = interactions / users
        let extra = interactions % users
        guard quota + (extra > 0 ? 1 : 0) <= items else {
            throw EvaluationError(.invalidInput, "synthetic data: \(interactions) interactions over \(users) users "
                                  + "exceed \(items) items per user")
        }
        var generator = SplitMix64(seed: seed)
        let deviation = Float(1 / Double(factors).squareRoot().squareRoot())
        // Factor-major item vectors: component f of item i at f × items + i, so the affinity loop vectorises.
        var itemFactors = [Float](repeating: 0, count: items * factors)
        for i in 0..<items {
            for f in 0..<factors { itemFactors[f * items + i] = generator.nextGaussian(standardDeviation: deviation) }
        }
        let logWeights = (0..<items).map { Float(-zipfExponent * log(Double($0 + 1))) }
        let itemIDs = (0..<items).map { ItemID(String($0)) }

        var result: [Interaction] = []
        result.reserveCapacity(interactions)
        var keys = [Float](repeating: 0, count: items)
        var userFactors = [Float](repeating: 0, count: factors)
        for u in 0..<users {
            var userGenerator = SplitMix64(seed: generator.next())
            for f in 0..<factors { userFactors[f] = userGenerator.nextGaussian(standardDeviation: deviation) }
            keys.withUnsafeMutableBufferPointer { keys in
                itemFactors.withUnsafeBufferPointer { q in
                    for i in 0..<items { keys[i] = logWeights[i] }
                    for f in 0..<factors {
                        let p = userFactors[f]
                        let row = f * items
                        for i in 0..<items { keys[i] += p * q[row + i] }
                    }
                }
                for i in 0..<items {
                    let uniform = (Float(userGenerator.next() >> 40) + 0.5) * 0x1p-24
                    keys[i] -= logf(-logf(uniform))
                }
            }
            let count = quota + (u < extra ? 1 : 0)
            let drawn = keys.withUnsafeBufferPointer { TopKSelection.best(count, of: $0) { _ in false } }
            let user = UserID(String(u))
            for (position, pick) in drawn.enumerated() {
                result.append(Interaction(user: user, item: itemIDs[pick.index], kind: .watched, value: 1,
                                          timestamp: Int64(position)))
            }
        }
        return result
    }
}
