import RecCore

extension ImplicitALS {
    /// A model from factors trained elsewhere, e.g. by Apache Spark MLlib's ALS, aligned to `history`.
    ///
    /// Users and items of `history` without imported factors get zero vectors (they score 0, and a user
    /// without factors is folded in from their history at request time); imported ids that `history`
    /// does not know are left out, since the server can only recommend catalogue items it has seen.
    /// - Parameters:
    ///   - configuration: its `factors` must equal the length of every imported vector; its
    ///     `regularization` is used for fold-in.
    ///   - history: the users, items and seen items the model serves.
    /// - Throws: ``AlgorithmError`` `.invalidConfiguration` naming the first id whose vector has another length.
    /// - Complexity: O((users + items) × k) plus the fold-in Gram matrix, O(items × k²).
    public init(importing userFactors: [UserID: [Float]], itemFactors: [ItemID: [Float]], history: TrainingHistory,
                configuration: ImplicitALSConfiguration) throws(AlgorithmError) {
        let k = configuration.factors
        if let (id, vector) = userFactors.first(where: { $0.value.count != k }) {
            throw AlgorithmError(.invalidConfiguration, "user \(id): \(vector.count) factors; expected \(k) like the others")
        }
        if let (id, vector) = itemFactors.first(where: { $0.value.count != k }) {
            throw AlgorithmError(.invalidConfiguration, "item \(id): \(vector.count) factors; expected \(k) like the others")
        }
        var users = [Float](repeating: 0, count: history.users.count * k)
        for index in 0..<history.users.count {
            if let vector = userFactors[history.users[index]] { users.replaceSubrange(index * k..<(index + 1) * k, with: vector) }
        }
        var items = [Float](repeating: 0, count: history.items.count * k)
        for index in 0..<history.items.count {
            if let vector = itemFactors[history.items[index]] { items.replaceSubrange(index * k..<(index + 1) * k, with: vector) }
        }
        self.init(configuration: configuration, history: history, userFactors: users, itemFactors: items)
    }
}
