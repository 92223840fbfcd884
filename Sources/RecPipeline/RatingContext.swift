import RecCore

/// What a rating model may read besides the rating matrix: the catalogue (genres, years) for item features and
/// each rating's time for models that follow a user's history.
public struct RatingContext: Sendable {
    /// The items of the data set; empty when unknown, and then models use no item features.
    public var catalogue: [Item]
    /// One Unix time per entry of the training matrix, in entry order; `nil` when unknown (entry order is then
    /// taken as time order).
    public var timestamps: [Int64]?

    /// Creates a context; the defaults provide nothing.
    public init(catalogue: [Item] = [], timestamps: [Int64]? = nil) {
        self.catalogue = catalogue
        self.timestamps = timestamps
    }

    /// The context for a matrix built from `training` (the rated interactions, in order): their times, 0 where a
    /// rating has none, and `catalogue`.
    /// - Complexity: O(training).
    public init(catalogue: [Item], training: [Interaction]) {
        self.catalogue = catalogue
        let rated = training.filter { $0.value != nil }
        timestamps = rated.contains { $0.timestamp != nil } ? rated.map { $0.timestamp ?? 0 } : nil
    }
}
