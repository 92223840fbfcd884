import RecCore

/// The per-user holdout protocols of top-N evaluation, defined so any language can reproduce them
/// exactly from the data (the random one needs only SplitMix64).
///
/// Shared rules: the input's positives are taken by ``PositiveFeedback`` (one per user–item pair, value 1);
/// non-positive interactions are dropped, never used as training positives. Each user's positives are put in
/// *temporal order*: ascending (timestamp, item id), an unknown timestamp before every known one, item ids
/// compared as strings by Unicode scalar values (Python: `sorted(key=lambda p: (ts, str(item)))`; for
/// MovieLens ids that is lexicographic, so `"10"` sorts before `"9"`). A user is *eligible* with at least the
/// protocol's minimum number of positives; an eligible user's held-out positives go to `test`, all their
/// other positives to `train`; ineligible users' positives all go to `train`. Users are processed in
/// ascending id order, and `train` lists them in that order. Metrics are taken over the users in `test`.
///
/// - ``p1Temporal`` (`"p1-temporal"`): positives are ratings ≥ 4 (≥ 4.0 on half-star data). Per user with
///   ≥ 5 positives, the last ⌈20%⌉ in temporal order are held out (computed exactly in integers as
///   ⌈n/5⌉ = (n + 4) div 5; beware `ceil(0.2 * n)`, which is 3 for n = 10 in floating point). Everything
///   else of that user (their other positives) and all positives of users with < 5 are training. k = 10.
/// - ``leaveLastOut`` (`"loo"`): per user with ≥ 2 positives, the last one in temporal order is held out.
/// - ``randomPerUser(seed:)`` (`"random"`): per user with ≥ 5 positives, ⌈n/5⌉ positives chosen at random are
///   held out. One `SplitMix64(seed: seed)` walks the eligible users in ascending id order and gives each
///   user's shuffle seed with one `next()`; the user's positives, in temporal order, are shuffled as
///   ``RandomKFold`` documents (positions 0..<n, Fisher–Yates with `j = next() % (i + 1)` for i from n − 1
///   down to 1, over `SplitMix64(seed: userSeed)`), and the positives at the last ⌈n/5⌉ shuffled positions
///   are held out.
public enum TopNProtocol: Sendable, Hashable, Codable {
    /// Per-user temporal 80/20 over positives, users with ≥ 5 positives.
    case p1Temporal
    /// Each user's last positive, users with ≥ 2 positives.
    case leaveLastOut
    /// Per-user seeded random 80/20 over positives, users with ≥ 5 positives.
    case randomPerUser(seed: UInt64)

    /// The name reports and the CLI use: `"p1-temporal"`, `"loo"` or `"random"`.
    public var name: String {
        switch self {
        case .p1Temporal: "p1-temporal"
        case .leaveLastOut: "loo"
        case .randomPerUser: "random"
        }
    }

    /// The minimum number of positives a user needs to have any held out.
    public var minimumPositives: Int {
        switch self {
        case .p1Temporal, .randomPerUser: 5
        case .leaveLastOut: 2
        }
    }

    /// How many of an eligible user's `count` positives are held out: ⌈count/5⌉, or 1 for leave-last-out.
    public func heldOutCount(of count: Int) -> Int {
        switch self {
        case .p1Temporal, .randomPerUser: (count + 4) / 5
        case .leaveLastOut: 1
        }
    }

    /// Splits `interactions` by this protocol.
    /// - Parameters:
    ///   - interactions: any mix of ratings and implicit events.
    ///   - positive: which interactions are positives.
    /// - Complexity: O(n log n).
    public func split(_ interactions: [Interaction], positive: PositiveFeedback = PositiveFeedback()) -> ImplicitSplit {
        holdOut(positive.positives(in: interactions), name: name)
    }

    /// A validation split carved from a split's training positives by this same protocol, for tuning:
    /// every interaction of `train` counts as a positive, so tuning never sees the test items.
    /// - Complexity: O(n log n).
    public func validation(from train: [Interaction]) -> ImplicitSplit {
        let positives = train.map { interaction in
            var positive = interaction
            positive.value = 1
            return positive
        }
        return holdOut(positives, name: "validation")
    }

    /// The per-user holdout documented on the type, over positives already deduplicated.
    private func holdOut(_ positives: [Interaction], name: String) -> ImplicitSplit {
        let byUser = Dictionary(grouping: positives, by: \.user)
        var generator: SplitMix64? = if case .randomPerUser(let seed) = self { SplitMix64(seed: seed) } else { nil }
        var train: [Interaction] = []
        train.reserveCapacity(positives.count)
        var test: [UserID: Set<ItemID>] = [:]
        for user in byUser.keys.sorted() {
            let history = byUser[user, default: []].sorted(by: Interaction.temporallyPrecedes)
            guard history.count >= minimumPositives else {
                train += history
                continue
            }
            let heldOut = heldOutCount(of: history.count)
            let order = if generator != nil, let userSeed = generator?.next() {
                RandomKFold.shuffledPositions(count: history.count, seed: userSeed)
            } else {
                Array(history.indices)
            }
            var isHeldOut = [Bool](repeating: false, count: history.count)
            for position in order.suffix(heldOut) { isHeldOut[position] = true }
            var items = Set<ItemID>()
            for (position, interaction) in history.enumerated() {
                if isHeldOut[position] { items.insert(interaction.item) } else { train.append(interaction) }
            }
            test[user] = items
        }
        return ImplicitSplit(name: name, train: train, test: test)
    }
}
