import RecCore

/// What every list of one top-N evaluation is measured against: the held-out items, the training popularity, the
/// catalogue's genres and distances, each user's training history. Built once per split, then applied to the lists
/// of every variant.
struct ListMetrics {
    let split: ImplicitSplit
    let users: [UserID]
    let k: Int
    let popularity: [ItemID: Int]
    let head: Set<ItemID>
    let trainingUsers: Int
    let catalogueSize: Int
    let distance: any ItemDistance
    let genres: GenreVocabulary
    let historyMixes: [GenreMix]

    /// - Parameters:
    ///   - histories: each user's training positives, in `users` order.
    init(split: ImplicitSplit, matrix: InteractionMatrix, catalogue: [Item], distance: (any ItemDistance)?, users: [UserID],
         histories: [[ItemID: Float]], k: Int) {
        self.split = split
        self.users = users
        self.k = k
        let counts = ItemPopularity(matrix).counts
        var popularity: [ItemID: Int] = [:]
        for (index, count) in counts.enumerated() { popularity[matrix.items[index]] = Int(count) }
        self.popularity = popularity
        head = popularHead(popularity)
        trainingUsers = matrix.users.count
        var catalogueIDs = Set(catalogue.map(\.id))
        catalogueIDs.formUnion(matrix.items.ids)
        for items in split.test.values { catalogueIDs.formUnion(items) }
        catalogueSize = catalogueIDs.count
        self.distance = distance ?? GenreJaccardDistance(catalogue)
        genres = GenreVocabulary(catalogue)
        historyMixes = histories.map { [genres] in genres.mix(of: $0) }
    }

    /// Every metric of `lists` (one per user, in `users` order).
    /// - Complexity: O(users × (k² distance calls + k × genres)).
    func report(_ lists: [[ItemID]], algorithm: String, dataset: String, fitSeconds: Double, recommendSeconds: Double) -> TopNReport {
        var sums = (ndcg: 0.0, precision: 0.0, recall: 0.0, f1: 0.0, map: 0.0, hitRate: 0.0, mrr: 0.0)
        var novelties: [Double] = [], diversities: [Double] = [], popularities: [Double] = [], miscalibrations: [Double] = []
        for (index, (user, list)) in zip(users, lists).enumerated() {
            let relevant = split.test[user, default: []]
            sums.ndcg += ndcg(list, relevant: relevant, k: k)
            sums.precision += precision(list, relevant: relevant, k: k)
            sums.recall += recall(list, relevant: relevant, k: k)
            sums.f1 += f1(list, relevant: relevant, k: k)
            sums.map += averagePrecision(list, relevant: relevant, k: k)
            sums.hitRate += hitRate(list, relevant: relevant, k: k)
            sums.mrr += reciprocalRank(list, relevant: relevant, k: k)
            if let value = novelty(list, k: k, popularity: popularity, userCount: trainingUsers) { novelties.append(value) }
            if let value = intraListDiversity(list, k: k, distance: distance) { diversities.append(value) }
            if let value = averagePopularity(list, k: k, popularity: popularity) { popularities.append(value) }
            if let value = miscalibration(list, k: k, history: historyMixes[index], genres: genres) {
                miscalibrations.append(value)
            }
        }
        let n = Double(users.count)
        func mean(_ values: [Double]) -> Double? { values.isEmpty ? nil : values.reduce(0, +) / Double(values.count) }
        return TopNReport(
            algorithm: algorithm, dataset: dataset, protocolName: split.name, k: k, users: users.count,
            ndcg: sums.ndcg / n, precision: sums.precision / n, recall: sums.recall / n, f1: sums.f1 / n,
            map: sums.map / n, hitRate: sums.hitRate / n, mrr: sums.mrr / n,
            coverage: itemCoverage(lists, k: k, catalogueSize: catalogueSize),
            gini: giniIndex(lists, k: k, catalogueSize: catalogueSize),
            novelty: mean(novelties), diversity: mean(diversities), popularity: mean(popularities),
            miscalibration: mean(miscalibrations), longTail: longTailShare(lists, k: k, head: head),
            fitSeconds: fitSeconds, recommendSeconds: recommendSeconds, peakRSSMiB: PeakMemory.residentMiB())
    }
}
