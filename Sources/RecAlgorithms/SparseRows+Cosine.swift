import RecCore

extension SparseRows {
    /// For every row a of `rows`, its `count` most cosine-similar rows b (a itself included, as in implicit's
    /// `ItemItemRecommender`), with sim(a, b) = a·b / (‖a‖‖b‖ + shrinkage). Shared by ``ItemKNN`` (rows are items,
    /// `columns` lists each user's items) and ``UserKNN`` (rows are users, `columns` lists each item's users).
    ///
    /// Rows are split into chunks searched by a task group, so both cores work; each chunk's result is placed
    /// by its position, so the answer does not depend on thread timing.
    ///
    /// - Parameters:
    ///   - rows: the entities to compare, each row's indices naming columns.
    ///   - columns: the transpose of `rows`, each row listing the `rows` rows that have that column.
    ///   - count: neighbours kept per row, k ≥ 1.
    ///   - shrinkage: λ ≥ 0 added to the denominator; 0 is plain cosine.
    ///   - progress: called with the number of rows done after each chunk.
    /// - Returns: one row per row of `rows`, neighbour indices ascending; exact zeros are left out.
    /// - Throws: `CancellationError` when the task is cancelled.
    /// - Complexity: O(Σ over columns of (entries in the column)² + rows × candidates × log k) time, accumulated in
    ///   Double; O(rows) scratch per chunk; the result holds at most rows × k entries.
    static func cosineNeighbours(of rows: SparseRows, through columns: SparseRows, count: Int, shrinkage: Float,
                                 progress: @Sendable (Int) -> Void = { _ in }) async throws -> SparseRows {
        let norms = rows.rowNorms
        let chunkCount = min(rows.rowCount, 16)
        let chunkSize = rows.rowCount / max(chunkCount, 1) + 1
        let parts = try await withThrowingTaskGroup(of: (Int, SparseRows).self) { group in
            for chunk in 0..<chunkCount {
                group.addTask {
                    try Task.checkCancellation()
                    let range = min(rows.rowCount, chunk * chunkSize)..<min(rows.rowCount, (chunk + 1) * chunkSize)
                    var search = CosineSearch(columns: columns, norms: norms, shrinkage: shrinkage)
                    var offsets = [0], indices: [Int32] = [], values: [Float] = []
                    for a in range {
                        let span = rows.offsets[a]..<rows.offsets[a + 1]
                        let found = search.nearest(indices: rows.indices[span], values: rows.values[span],
                                                   norm: norms[a], count: count)
                        for (index, similarity) in found.sorted(by: { $0.index < $1.index }) {
                            indices.append(index)
                            values.append(similarity)
                        }
                        offsets.append(indices.count)
                    }
                    return (chunk, SparseRows(offsets: offsets, indices: indices, values: values))
                }
            }
            var parts = [SparseRows?](repeating: nil, count: chunkCount)
            var done = 0
            for try await (chunk, part) in group {
                parts[chunk] = part
                done += part.rowCount
                progress(done)
            }
            return parts.compactMap { $0 }
        }
        var offsets = [0], indices: [Int32] = [], values: [Float] = []
        for part in parts {
            let base = indices.count
            offsets.append(contentsOf: part.offsets.dropFirst().map { $0 + base })
            indices.append(contentsOf: part.indices)
            values.append(contentsOf: part.values)
        }
        return SparseRows(offsets: offsets, indices: indices, values: values)
    }
}

/// Finds the rows most cosine-similar to a sparse query vector, reusing its scratch buffers between queries.
struct CosineSearch {
    /// For each column, the rows that have it and their values.
    let columns: SparseRows
    /// ‖row‖ for each row that can be found.
    let norms: [Float]
    /// λ ≥ 0 in sim = a·b / (‖a‖‖b‖ + λ).
    let shrinkage: Float
    private var dots: [Double]
    private var isTouched: [Bool]
    private var touched: [Int32]
    private var similarities: [Float]

    /// A search over the rows listed by `columns`, whose norms are `norms`.
    init(columns: SparseRows, norms: [Float], shrinkage: Float) {
        self.columns = columns
        self.norms = norms
        self.shrinkage = shrinkage
        dots = [Double](repeating: 0, count: norms.count)
        isTouched = [Bool](repeating: false, count: norms.count)
        touched = []
        similarities = []
    }

    /// The `count` rows most similar to the query (column indices and values, with Euclidean norm `norm`), best
    /// first, ties to the smaller index; only rows sharing a column with the query are candidates, and exact
    /// zeros or undefined (0/0) similarities are dropped.
    /// - Complexity: O(Σ over the query's columns of their entries + candidates log count).
    mutating func nearest(indices: ArraySlice<Int32>, values: ArraySlice<Float>, norm: Float,
                          count: Int) -> [(index: Int32, similarity: Float)] {
        touched.removeAll(keepingCapacity: true)
        dots.withUnsafeMutableBufferPointer { dots in
        isTouched.withUnsafeMutableBufferPointer { isTouched in
        columns.indices.withUnsafeBufferPointer { columnRows in
        columns.values.withUnsafeBufferPointer { columnValues in
            for (column, value) in zip(indices, values) {
                let own = Double(value)
                for entry in columns.offsets[Int(column)]..<columns.offsets[Int(column) + 1] {
                    let b = Int(columnRows[entry])
                    if !isTouched[b] {
                        isTouched[b] = true
                        touched.append(Int32(b))
                    }
                    dots[b] += own * Double(columnValues[entry])
                }
            }
        }}}}
        touched.sort()
        similarities.removeAll(keepingCapacity: true)
        for b in touched {
            let denominator = Double(norm) * Double(norms[Int(b)]) + Double(shrinkage)
            let dot = dots[Int(b)]
            dots[Int(b)] = 0
            isTouched[Int(b)] = false
            similarities.append(denominator > 0 ? Float(dot / denominator) : .nan)
        }
        let best = similarities.withUnsafeBufferPointer { similarities in
            TopKSelection.best(count, of: similarities) { similarities[$0] == 0 }
        }
        return best.map { (touched[$0.index], $0.score) }
    }
}
