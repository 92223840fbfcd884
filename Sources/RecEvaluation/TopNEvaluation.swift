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
        guard k >= 1 else { throw EvaluationError(.invalidInput, "top-N evaluation: k is \(k); expected 1 or more") }
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
        var lists: [[ItemID]] = []
        lists.reserveCapacity(users.count)
        var recommendTime = Duration.zero
        if let historyWeighting {
            guard let foldIn = model as? any FoldInRecommender else {
                throw EvaluationError(.invalidInput, "\(algorithm): history weighting needs a model that folds histories in")
            }
            let positives = Dictionary(grouping: split.train, by: \.user)
            recommendTime = clock.measure {
                for user in users {
                    let history = historyWeighting.history(of: positives[user, default: []])
                    lists.append(foldIn.recommend(forHistory: history, count: k, excluding: []).items.map(\.item))
                }
            }
        } else {
            recommendTime = clock.measure {
                for user in users { lists.append(model.recommend(for: user, count: k).items.map(\.item)) }
            }
        }

        let counts = ItemPopularity(matrix).counts
        var popularity: [ItemID: Int] = [:]
        for (index, count) in counts.enumerated() { popularity[matrix.items[index]] = Int(count) }
        var catalogueIDs = Set(catalogue.map(\.id))
        catalogueIDs.formUnion(matrix.items.ids)
        for items in split.test.values { catalogueIDs.formUnion(items) }
        let distance = distance ?? GenreJaccardDistance(catalogue)

        var sums = (ndcg: 0.0, precision: 0.0, recall: 0.0, f1: 0.0, map: 0.0, hitRate: 0.0, mrr: 0.0)
        var novelties: [Double] = [], diversities: [Double] = [], popularities: [Double] = []
        for (user, list) in zip(users, lists) {
            let relevant = split.test[user, default: []]
            sums.ndcg += ndcg(list, relevant: relevant, k: k)
            sums.precision += precision(list, relevant: relevant, k: k)
            sums.recall += recall(list, relevant: relevant, k: k)
            sums.f1 += f1(list, relevant: relevant, k: k)
            sums.map += averagePrecision(list, relevant: relevant, k: k)
            sums.hitRate += hitRate(list, relevant: relevant, k: k)
            sums.mrr += reciprocalRank(list, relevant: relevant, k: k)
            if let value = novelty(list, k: k, popularity: popularity, userCount: matrix.users.count) {
                novelties.append(value)
            }
            if let value = intraListDiversity(list, k: k, distance: distance) { diversities.append(value) }
            if let value = averagePopularity(list, k: k, popularity: popularity) { popularities.append(value) }
        }
        let n = Double(users.count)
        func mean(_ values: [Double]) -> Double? { values.isEmpty ? nil : values.reduce(0, +) / Double(values.count) }
        return TopNReport(
            algorithm: algorithm, dataset: dataset, protocolName: split.name, k: k, users: users.count,
            ndcg: sums.ndcg / n, precision: sums.precision / n, recall: sums.recall / n, f1: sums.f1 / n,
            map: sums.map / n, hitRate: sums.hitRate / n, mrr: sums.mrr / n,
            coverage: itemCoverage(lists, k: k, catalogueSize: catalogueIDs.count),
            gini: giniIndex(lists, k: k, catalogueSize: catalogueIDs.count),
            novelty: mean(novelties), diversity: mean(diversities), popularity: mean(popularities),
            fitSeconds: fitTime.seconds, recommendSeconds: recommendTime.seconds,
            peakRSSMiB: PeakMemory.residentMiB())
    }
}
