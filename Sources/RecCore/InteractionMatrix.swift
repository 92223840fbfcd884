/// A sparse user × item matrix of interaction values, held both by user (CSR) and by item (CSC),
/// plus the entries in input order for stochastic gradient descent.
///
/// Values are ratings on ``scale`` for explicit feedback. When the input has several values for the
/// same (user, item) pair, all are kept as separate entries, as Surprise does.
///
/// - Complexity: building is O(n + users + items) for n interactions; memory is about 24 bytes per entry.
public struct InteractionMatrix: Sendable {
    /// Users by dense row index.
    public let users: IDIndex<UserID>
    /// Items by dense column index.
    public let items: IDIndex<ItemID>
    /// The scale values were given on.
    public let scale: RatingScale

    /// Row of each entry, in input order.
    public let entryUsers: [Int32]
    /// Column of each entry, in input order.
    public let entryItems: [Int32]
    /// Value of each entry, in input order.
    public let entryValues: [Float]

    /// CSR: entries of user `u` are `userOffsets[u]..<userOffsets[u+1]` in `userItems` / `userValues`.
    public let userOffsets: [Int]
    /// CSR column indices.
    public let userItems: [Int32]
    /// CSR values.
    public let userValues: [Float]

    /// CSC: entries of item `i` are `itemOffsets[i]..<itemOffsets[i+1]` in `itemUsers` / `itemValues`.
    public let itemOffsets: [Int]
    /// CSC row indices.
    public let itemUsers: [Int32]
    /// CSC values.
    public let itemValues: [Float]

    /// Mean of all values (0 when empty).
    public let globalMean: Float

    /// Builds the matrix from every interaction that has a value, in input order.
    ///
    /// - Parameters:
    ///   - interactions: events; those with `value == nil` are skipped.
    ///   - scale: the data set's rating scale.
    public init<S: Sequence>(_ interactions: S, scale: RatingScale) where S.Element == Interaction {
        var builder = Builder(scale: scale)
        for interaction in interactions { builder.append(interaction) }
        self = builder.build()
    }

    /// Builds the matrix from index triplets over known id maps.
    ///
    /// - Precondition: `rows`, `columns` and `values` have equal length and every index is in range.
    public init(users: IDIndex<UserID>, items: IDIndex<ItemID>, rows: [Int32], columns: [Int32], values: [Float],
                scale: RatingScale) {
        precondition(rows.count == columns.count && rows.count == values.count, "triplet arrays differ in length")
        self.users = users
        self.items = items
        self.scale = scale
        entryUsers = rows
        entryItems = columns
        entryValues = values
        (userOffsets, userItems, userValues) = Self.compress(major: rows, minor: columns, values: values, majorCount: users.count)
        (itemOffsets, itemUsers, itemValues) = Self.compress(major: columns, minor: rows, values: values, majorCount: items.count)
        var sum = 0.0
        for value in values { sum += Double(value) }
        globalMean = values.isEmpty ? 0 : Float(sum / Double(values.count))
    }

    /// Number of stored entries.
    public var entryCount: Int { entryValues.count }

    /// Column indices and values of user `u`'s entries.
    @inlinable
    public func row(_ user: Int) -> (items: ArraySlice<Int32>, values: ArraySlice<Float>) {
        let range = userOffsets[user]..<userOffsets[user + 1]
        return (userItems[range], userValues[range])
    }

    /// Row indices and values of item `i`'s entries.
    @inlinable
    public func column(_ item: Int) -> (users: ArraySlice<Int32>, values: ArraySlice<Float>) {
        let range = itemOffsets[item]..<itemOffsets[item + 1]
        return (itemUsers[range], itemValues[range])
    }

    /// Counting sort of triplets by `major`, stable in input order.
    private static func compress(major: [Int32], minor: [Int32], values: [Float], majorCount: Int)
        -> (offsets: [Int], indices: [Int32], values: [Float]) {
        var offsets = [Int](repeating: 0, count: majorCount + 1)
        for m in major { offsets[Int(m) + 1] += 1 }
        for k in 0..<majorCount { offsets[k + 1] += offsets[k] }
        var cursor = offsets
        var indices = [Int32](repeating: 0, count: major.count)
        var sorted = [Float](repeating: 0, count: major.count)
        for e in 0..<major.count {
            let m = Int(major[e])
            indices[cursor[m]] = minor[e]
            sorted[cursor[m]] = values[e]
            cursor[m] += 1
        }
        return (offsets, indices, sorted)
    }
}
