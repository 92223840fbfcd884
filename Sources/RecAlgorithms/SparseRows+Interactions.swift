import RecCore

extension SparseRows {
    /// The interactions of `matrix` by user (rows are users, indices items) or by item (rows are items, indices
    /// users), each row's indices ascending and repeated (user, item) entries summed, as scipy's CSR matrices
    /// that implicit trains on do.
    ///
    /// - Parameters:
    ///   - matrix: training interactions.
    ///   - byUser: `true` for user rows, `false` for item rows.
    ///   - algorithm: the caller's name, for the error message.
    /// - Throws: `AlgorithmError` `.invalidConfiguration` naming the first entry whose value is NaN or infinite.
    /// - Complexity: O(entries log entries per row); one copy of the entries.
    static func interactions(of matrix: InteractionMatrix, byUser: Bool, algorithm: String) throws -> SparseRows {
        if let bad = matrix.entryValues.firstIndex(where: { !$0.isFinite }) {
            throw AlgorithmError(.invalidConfiguration,
                                 "\(algorithm): interaction value of user '\(matrix.users[Int(matrix.entryUsers[bad])])' "
                                 + "and item '\(matrix.items[Int(matrix.entryItems[bad])])' is \(matrix.entryValues[bad]); "
                                 + "expected a finite number")
        }
        let (sourceOffsets, sourceIndices, sourceValues) = byUser
            ? (matrix.userOffsets, matrix.userItems, matrix.userValues)
            : (matrix.itemOffsets, matrix.itemUsers, matrix.itemValues)
        var offsets = [0], indices: [Int32] = [], values: [Float] = []
        indices.reserveCapacity(sourceIndices.count)
        values.reserveCapacity(sourceValues.count)
        for row in 0..<(sourceOffsets.count - 1) {
            let entries = (sourceOffsets[row]..<sourceOffsets[row + 1]).sorted { sourceIndices[$0] < sourceIndices[$1] }
            for entry in entries {
                if indices.count > offsets[row], indices[indices.count - 1] == sourceIndices[entry] {
                    values[values.count - 1] += sourceValues[entry]
                } else {
                    indices.append(sourceIndices[entry])
                    values.append(sourceValues[entry])
                }
            }
            offsets.append(indices.count)
        }
        return SparseRows(offsets: offsets, indices: indices, values: values)
    }

    /// The Euclidean norm of each row.
    /// - Complexity: O(entries), accumulated in Double.
    var rowNorms: [Float] {
        (0..<rowCount).map { row in
            var sum = 0.0
            for entry in offsets[row]..<offsets[row + 1] { sum += Double(values[entry]) * Double(values[entry]) }
            return Float(sum.squareRoot())
        }
    }
}
