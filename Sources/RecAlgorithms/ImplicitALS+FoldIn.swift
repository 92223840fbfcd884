import RecCore

extension ImplicitALS {
    /// The vector a user with `history` (item → interaction value) would get from one exact least-squares step
    /// against the trained item factors (Cholesky, as implicit's `recalculate_user`); `nil` when no item of
    /// `history` is known to the model or a value is not finite.
    /// - Complexity: O(|history| × k² + k³), with the model's precomputed YᵀY + λI; allocates O(k²).
    public func userVector(forHistory history: [ItemID: Float]) -> [Float]? {
        guard let rows = confidenceRow(of: history) else { return nil }
        let k = factors
        var x = [Float](repeating: 0, count: k)
        var scratch = [Float](repeating: 0, count: ALSRowSolver.scratchCount(factors: k))
        let solved = rows.columns.withUnsafeBufferPointer { columns in
            rows.weights.withUnsafeBufferPointer { weights in
                rows.targets.withUnsafeBufferPointer { targets in
                    itemFactors.withUnsafeBufferPointer { table in
                        foldInGram.withUnsafeBufferPointer { gram in
                            ALSRowSolver.cholesky(
                                x: &x, gram: gram.baseAddress!, table: table.baseAddress!, columns: columns.baseAddress!,
                                weights: weights.baseAddress!, targets: targets.baseAddress!, count: rows.columns.count, k: k,
                                scratch: &scratch)
                        }
                    }
                }
            }
        }
        return solved ? x : nil
    }

    /// Best-first items for someone absent from training, from their vector ``userVector(forHistory:)``; an
    /// empty or wholly unknown history gets the popularity fallback. Never returns `excluded` or `history` items.
    /// - Complexity: O(|history| × k² + k³) for the vector, then O(items × k + items log count).
    public func recommend(forHistory history: [ItemID: Float], count: Int, excluding excluded: Set<ItemID>) -> TopNList {
        let items = self.history.items
        let blocked = self.history.blockedMask(history: history, excluded: excluded)
        guard let x = userVector(forHistory: history) else {
            let best = self.history.popularity.mostPopular(count) { blocked[$0] }
            return TopNList(items: best.map { ScoredItem(item: items[$0.index], score: $0.score) }, isFallback: true)
        }
        var scores = [Float](repeating: 0, count: items.count)
        x.withUnsafeBufferPointer { x in scores.withUnsafeMutableBufferPointer { score(x.baseAddress!, into: $0) } }
        let best = scores.withUnsafeBufferPointer { TopKSelection.best(count, of: $0) { blocked[$0] } }
        return TopNList(items: best.map { ScoredItem(item: items[$0.index], score: $0.score) }, isFallback: false)
    }

    /// `history` as one confidence row over the model's item indices, ascending: the items the model knows with
    /// finite values; `nil` when there are none.
    /// - Complexity: O(|history| log |history|).
    func confidenceRow(of history: [ItemID: Float]) -> ConfidenceRows? {
        let known = history.compactMap { entry -> (Int32, Float)? in
            guard entry.value.isFinite, let index = self.history.items.index(of: entry.key) else { return nil }
            return (Int32(index), entry.value)
        }.sorted { $0.0 < $1.0 }
        guard !known.isEmpty else { return nil }
        return ConfidenceRows(offsets: [0, known.count], columns: known.map(\.0), values: known.map(\.1),
                              weighting: configuration.confidence)
    }
}
