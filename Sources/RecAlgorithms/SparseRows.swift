/// A compressed sparse row matrix of Float values: row r's entries are `offsets[r]..<offsets[r+1]`
/// in `indices` (column numbers) and `values`.
///
/// ``KNNBaseline`` stores its neighbour similarities and its training residuals in this form.
public struct SparseRows: Sendable, Codable, Equatable {
    /// Start of each row's entries, with one extra final element: the entry count.
    public let offsets: [Int]
    /// Column of each entry.
    public let indices: [Int32]
    /// Value of each entry.
    public let values: [Float]

    /// Creates rows from their compressed arrays.
    /// - Precondition: `offsets` is non-decreasing from 0 to `indices.count`, and `indices.count == values.count`.
    public init(offsets: [Int], indices: [Int32], values: [Float]) {
        precondition(offsets.first == 0 && offsets.last == indices.count && indices.count == values.count,
                     "inconsistent sparse rows")
        self.offsets = offsets
        self.indices = indices
        self.values = values
    }

    /// Number of rows.
    public var rowCount: Int { offsets.count - 1 }

    /// The value at (`row`, `column`), or 0 when absent; the row's indices must be sorted ascending.
    /// - Complexity: O(log(entries in the row)).
    @inlinable
    public func value(row: Int, column: Int32) -> Float {
        var low = offsets[row], high = offsets[row + 1]
        while low < high {
            let middle = (low + high) / 2
            let index = indices[middle]
            if index == column { return values[middle] }
            if index < column { low = middle + 1 } else { high = middle }
        }
        return 0
    }
}
