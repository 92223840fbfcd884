/// The options of one recommendation request (`GET /v1/users/{user}/recommendations`).
struct RecommendationQuery: Sendable, Equatable {
    /// How many items, 1 to 100.
    var count = 10
    /// Leave out every item the user has interacted with (default); `false` still leaves out the
    /// positives the model folds in, and disliked or skipped items.
    var excludeSeen = true
    /// 0 (model order) to 1 (most varied genres), by maximal marginal relevance over genres (`RecRanking.ListReranking`).
    var diversity = 0.0
    /// Attach an ``Explanation`` to each item.
    var explain = false
    /// Attach a ``Pitch`` to each item.
    var pitch = false
    /// The user's current mood, for pitches; never stored.
    var mood: String?
    /// Only items with this genre (case-insensitive).
    var genre: String?
    /// Only items released in or after this year.
    var minimumYear: Int?
    /// Only items released in or before this year.
    var maximumYear: Int?

    /// Whether any filter narrows the catalogue.
    var isFiltering: Bool { genre != nil || minimumYear != nil || maximumYear != nil }
}
