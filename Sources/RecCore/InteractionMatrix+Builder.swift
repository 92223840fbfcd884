extension InteractionMatrix {
    /// Accumulates interactions one at a time into index triplets, so a matrix can be built while a file
    /// is read, without holding every ``Interaction`` first.
    ///
    /// - Complexity: `append` is O(1) amortised; memory is 12 bytes per entry plus the id maps.
    public struct Builder: Sendable {
        private var users = IDIndex<UserID>()
        private var items = IDIndex<ItemID>()
        private var rows: [Int32] = []
        private var columns: [Int32] = []
        private var values: [Float] = []
        private let scale: RatingScale

        /// An empty builder for values on `scale`.
        public init(scale: RatingScale) { self.scale = scale }

        /// Adds `interaction` as an entry; one without a value is skipped.
        public mutating func append(_ interaction: Interaction) {
            guard let value = interaction.value else { return }
            rows.append(Int32(users.insert(interaction.user)))
            columns.append(Int32(items.insert(interaction.item)))
            values.append(value)
        }

        /// The matrix of every entry appended, in order.
        /// - Complexity: O(entries + users + items).
        public func build() -> InteractionMatrix {
            InteractionMatrix(users: users, items: items, rows: rows, columns: columns, values: values, scale: scale)
        }
    }
}
