import RecCore

extension ImplicitALS {
    /// The score of `item` for a user with `history` (item → interaction value), split into the contribution of
    /// each of the user's items, as implicit 0.7's `AlternatingLeastSquares.explain` (Hu, Koren & Volinsky 2008,
    /// section 5) computes it.
    ///
    /// With W = YᵀC_uY + λI the matrix of the user's exact least-squares step (``userVector(forHistory:)``),
    /// x_u = W⁻¹ Σ_j c_uj·p_uj·y_j, so the fold-in score y_iᵀx_u = Σ_j c_uj·(W⁻¹y_i)·y_j over the items with
    /// p_uj = 1: item j contributes c_uj·(W⁻¹y_i)·y_j. Disliked items (negative values) shape W but contribute
    /// nothing, as in implicit. The contributions sum to the score ``recommend(forHistory:count:excluding:)``
    /// serves for `item`, up to rounding.
    /// - Parameters:
    ///   - item: the recommended item.
    ///   - history: the user's items and values, as given to the fold-in.
    ///   - count: how many contributions to list; the rest are summed into ``ScoreExplanation/remainder``.
    /// - Returns: `nil` when `item` or every history item is unknown to the model, or W is not positive definite.
    /// - Complexity: O(|history| × k² + k³); allocates O(k² + |history|).
    public func explain(_ item: ItemID, history: [ItemID: Float], count: Int) -> ScoreExplanation? {
        guard let target = self.history.items.index(of: item) else { return nil }
        guard let rows = confidenceRow(of: history) else { return nil }
        let k = factors
        var w = foldInGram
        var weighted = [Float](repeating: 0, count: k)
        let contributions: [ScoredItem]? = itemFactors.withUnsafeBufferPointer { table in
            let y = table.baseAddress!
            let factored = w.withUnsafeMutableBufferPointer { w in
                rows.columns.withUnsafeBufferPointer { columns in
                    rows.weights.withUnsafeBufferPointer { weights in
                        GramMatrix.addWeightedLower(w.baseAddress!, dimension: k, table: y, indices: columns.baseAddress!,
                                                    weights: weights.baseAddress!, count: rows.columns.count)
                    }
                }
                return Cholesky.factor(w.baseAddress!, dimension: k)
            }
            guard factored else { return nil }
            weighted.withUnsafeMutableBufferPointer { v in
                v.baseAddress!.update(from: y + target * k, count: k)
                w.withUnsafeBufferPointer { Cholesky.solve($0.baseAddress!, v.baseAddress!, dimension: k) }
            }
            return weighted.withUnsafeBufferPointer { v in
                zip(rows.columns, rows.targets).compactMap { column, confidence -> ScoredItem? in
                    guard confidence != 0 else { return nil }
                    let share = confidence * VectorKernels.dot(v.baseAddress!, y + Int(column) * k, count: k)
                    return ScoredItem(item: self.history.items[Int(column)], score: share)
                }
            }
        }
        return contributions.map { ScoreExplanation(contributions: $0, keeping: count) }
    }
}
