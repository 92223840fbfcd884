extension SparseRows {
    /// Shrunk Pearson-baseline similarities between the rows of `byRow` (Koren 2010; Surprise's
    /// `pearson_baseline`): for rows a and b with n common columns,
    /// sim = (n − 1)/(n − 1 + shrinkage) · Σ e_a e_b / √(Σ e_a² · Σ e_b²), sums over the common columns,
    /// where e are baseline residuals r − b. Pairs with fewer than two common columns, and the diagonal, are
    /// left out (similarity 0); so are exact zeros.
    ///
    /// - Parameters:
    ///   - byRow: residuals by row entity (items for item-based neighbours).
    ///   - byColumn: the same residuals by column entity, whose rows list `byRow` row numbers.
    ///   - shrinkage: λ ≥ 0.
    ///   - progress: called with the number of rows done, about twenty times.
    /// - Returns: a symmetric matrix, each row's indices ascending.
    /// - Complexity: O(Σ over columns of (entries in the column)²) time, accumulated in Double; O(rows) scratch;
    ///   the result holds every pair of rows with two or more common columns.
    static func pearsonBaselineSimilarities(byRow: SparseRows, byColumn: SparseRows, shrinkage: Float,
                                            progress: (Int) -> Void) -> SparseRows {
        let rows = byRow.rowCount
        var offsets = [0], indices: [Int32] = [], values: [Float] = []
        var common = [Int32](repeating: 0, count: rows)
        var products = [Double](repeating: 0, count: rows)
        var ownSquares = [Double](repeating: 0, count: rows)
        var otherSquares = [Double](repeating: 0, count: rows)
        var touched = [Int32](repeating: 0, count: rows)
        let reportEvery = max(1, rows / 20)
        for a in 0..<rows {
            var touchedCount = 0
            byRow.indices.withUnsafeBufferPointer { rowColumns in
            byRow.values.withUnsafeBufferPointer { rowResiduals in
            byColumn.indices.withUnsafeBufferPointer { columnRows in
            byColumn.values.withUnsafeBufferPointer { columnResiduals in
            common.withUnsafeMutableBufferPointer { common in
            products.withUnsafeMutableBufferPointer { products in
            ownSquares.withUnsafeMutableBufferPointer { ownSquares in
            otherSquares.withUnsafeMutableBufferPointer { otherSquares in
            touched.withUnsafeMutableBufferPointer { touched in
                for entry in byRow.offsets[a]..<byRow.offsets[a + 1] {
                    let column = Int(rowColumns[entry])
                    let own = Double(rowResiduals[entry])
                    for other in byColumn.offsets[column]..<byColumn.offsets[column + 1] {
                        let b = Int(columnRows[other])
                        let residual = Double(columnResiduals[other])
                        if common[b] == 0 {
                            touched[touchedCount] = Int32(b)
                            touchedCount += 1
                        }
                        common[b] += 1
                        products[b] += own * residual
                        ownSquares[b] += own * own
                        otherSquares[b] += residual * residual
                    }
                }
                var neighbours = UnsafeMutableBufferPointer(rebasing: touched[0..<touchedCount])
                neighbours.sort()
                for b32 in neighbours {
                    let b = Int(b32)
                    let n = Double(common[b])
                    let denominator = (ownSquares[b] * otherSquares[b]).squareRoot()
                    if b != a && n >= 2 && denominator > 0 {
                        let similarity = Float(products[b] / denominator * ((n - 1) / (n - 1 + Double(shrinkage))))
                        if similarity != 0 {
                            indices.append(b32)
                            values.append(similarity)
                        }
                    }
                    common[b] = 0
                    products[b] = 0
                    ownSquares[b] = 0
                    otherSquares[b] = 0
                }
            }}}}}}}}}
            offsets.append(indices.count)
            if (a + 1) % reportEvery == 0 || a + 1 == rows { progress(a + 1) }
        }
        return SparseRows(offsets: offsets, indices: indices, values: values)
    }
}
