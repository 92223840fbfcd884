import RecCore

/// Fits a top-N model on a split's training positives and measures its recommendations against each
/// user's held-out items.
public enum TopNEvaluation {
    /// Trains with `fit` on `split.train` and reports every ranking and beyond-accuracy metric at `k`.
    ///
    /// Every user in `split.test` gets `model.recommend(for:count: k)`: nothing is excluded beyond the
    /// model's own exclusion of the user's training items; a user unknown to the model gets its fallback. With
    /// `historyWeighting`, each user's training positives are weighted by recency instead and folded in
    /// (``FoldInRecommender/recommend(forHistory:count:excluding:)``), which excludes the same items.
    /// The training matrix holds the positives' values (1) on the unit scale 0…1. The catalogue, for
    /// coverage and Gini, is every id in `catalogue`, `split.train` and `split.test`; popularity is the
    /// number of training entries per item (distinct users, since protocol splits keep one per pair).
    /// Fit and recommend are timed with `ContinuousClock`.
    ///
    /// - Parameters:
    ///   - split: training positives and held-out items.
    ///   - k: the cutoff.
    ///   - catalogue: the items with metadata; may be empty.
    ///   - distance: item dissimilarity for diversity; `nil` means ``GenreJaccardDistance`` over `catalogue`.
    ///   - algorithm: the algorithm's name for the report.
    ///   - dataset: the data set's name for the report.
    ///   - historyWeighting: recency weights for the histories the model scores from; `nil` scores each user
    ///     from the training matrix as it is.
    ///   - fit: trains a model on the training matrix.
    /// - Throws: ``EvaluationError`` when `k < 1`, the split has no training or no test users, or
    ///   `historyWeighting` is set for a model that cannot fold a history in; whatever `fit` throws.
    /// - Complexity: the cost of `fit` plus one `recommend` per test user plus O(users × k²) distance calls.
    public static func evaluate(_ split: ImplicitSplit, k: Int = 10, catalogue: [Item] = [],
                                distance: (any ItemDistance)? = nil, algorithm: String, dataset: String,
                                historyWeighting: RecencyWeighting? = nil,
                                fit: (InteractionMatrix) async throws -> any TopNRecommender) async throws -> TopNReport {
        let reports = try await evaluate(split, k: k, candidates: k, catalogue: catalogue, distance: distance,
                                         algorithm: algorithm, dataset: dataset, historyWeighting: historyWeighting,
                                         variants: [TopNVariant(name: algorithm) { _, candidates in candidates }], fit: fit)
        return reports[0]
    }

    /// Trains once and reports every variant: each re-ranks the same `candidates` best items of the model per user
    /// into its list of `k`, so a trade-off curve over re-ranking dials costs one fit and one candidate pass.
    ///
    /// Metrics as in ``evaluate(_:k:catalogue:distance:algorithm:dataset:historyWeighting:fit:)``, plus
    /// miscalibration against each user's training positives and the long-tail share outside the popular head
    /// (``popularHead(_:share:)`` of the training popularity). A variant's recommend time is the candidate pass plus
    /// its own re-ranking.
    /// - Throws: as the single-model evaluation, and ``EvaluationError`` when `candidates < k` or `variants` is empty.
    /// - Complexity: the cost of `fit`, one `recommend` of `candidates` per test user, then per variant its re-ranking
    ///   plus the metrics.
    public static func evaluate(_ split: ImplicitSplit, k: Int = 10, candidates: Int, catalogue: [Item] = [],
                                distance: (any ItemDistance)? = nil, algorithm: String, dataset: String,
                                historyWeighting: RecencyWeighting? = nil, variants: [TopNVariant],
                                fit: (InteractionMatrix) async throws -> any TopNRecommender) async throws -> [TopNReport] {
        guard k >= 1 else { throw EvaluationError(.invalidInput, "top-N evaluation: k is \(k); expected 1 or more") }
        guard candidates >= k else {
            throw EvaluationError(.invalidInput, "top-N evaluation: \(candidates) candidates cannot fill lists of \(k)")
        }
        guard !variants.isEmpty else { throw EvaluationError(.invalidInput, "top-N evaluation: no variant to report") }
        guard !split.train.isEmpty else {
            throw EvaluationError(.invalidInput, "\(split.name): the training part holds no positives")
        }
        guard !split.test.isEmpty else {
            throw EvaluationError(.invalidInput, "\(split.name): no user has a held-out item")
        }
        let clock = ContinuousClock()
        let matrix = InteractionMatrix(split.train, scale: RatingScale(minimum: 0, maximum: 1))
        let fitStart = clock.now
        let model = try await fit(matrix)
        let fitTime = clock.now - fitStart

        let users = split.test.keys.sorted()
        let positives = Dictionary(grouping: split.train, by: \.user)
        var pools: [[ScoredItem]] = []
        pools.reserveCapacity(users.count)
        var candidateTime = Duration.zero
        if let historyWeighting {
            guard let foldIn = model as? any FoldInRecommender else {
                throw EvaluationError(.invalidInput, "\(algorithm): history weighting needs a model that folds histories in")
            }
            candidateTime = clock.measure {
                for user in users {
                    let history = historyWeighting.history(of: positives[user, default: []])
                    pools.append(foldIn.recommend(forHistory: history, count: candidates, excluding: []).items)
                }
            }
        } else {
            candidateTime = clock.measure {
                for user in users { pools.append(model.recommend(for: user, count: candidates).items) }
            }
        }
        let histories = users.map { user in
            Dictionary(positives[user, default: []].map { ($0.item, Float(1)) }, uniquingKeysWith: { first, _ in first })
        }
        let context = ListMetrics(split: split, matrix: matrix, catalogue: catalogue, distance: distance, users: users,
                                  histories: histories, k: k)
        return variants.map { variant in
            var lists: [[ItemID]] = []
            lists.reserveCapacity(users.count)
            let rerankTime = clock.measure {
                for (pool, history) in zip(pools, histories) {
                    lists.append(variant.rerank(history, pool).prefix(k).map(\.item))
                }
            }
            return context.report(lists, algorithm: variant.name, dataset: dataset, fitSeconds: fitTime.seconds,
                                  recommendSeconds: (candidateTime + rerankTime).seconds)
        }
    }
}
