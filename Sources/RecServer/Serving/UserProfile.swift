import RecAlgorithms
import RecCore
import RecEvaluation

/// What the server derives from one user's events to answer their requests: the items that count as liked
/// (the fold-in's input), the items never to recommend, and — when the catalogue has embeddings — the
/// user's interest vector.
///
/// Built by replaying the stored events in time order (``init(events:rules:)``) and then kept current one
/// feedback event at a time (``apply(_:rules:)``), so the next request after a like sees it without reading
/// the store again. An event older than the newest one applied cannot be applied incrementally (the replay
/// would have put it earlier); ``apply(_:rules:)`` says so and the caller reloads.
struct UserProfile: Sendable {
    /// Liked items (value 1): the fold-in's input.
    private(set) var positives: [ItemID: Float] = [:]
    /// Disliked or skipped items whose latest verdict is negative.
    private(set) var rejected = Set<ItemID>()
    /// Every item the user has an event on.
    private(set) var seen = Set<ItemID>()
    /// The user's interest over the catalogue embeddings, or `nil` when there are none.
    private(set) var interest: InterestVector?
    /// Number of events applied.
    private(set) var eventCount = 0
    /// Timestamp of the newest event applied (unknown timestamps count as earliest).
    private var newest: Int64?

    /// The profile of a user whose events, in the store's order (timestamp, unknown first), are `events`.
    /// - Complexity: O(events × embedding dimension).
    init(events: [Interaction], rules: ProfileRules) {
        if let embeddings = rules.embeddings {
            interest = try? InterestVector(dimension: embeddings.dimension, configuration: rules.interest)
        }
        for event in events { _ = apply(event, rules: rules) }
    }

    /// Items never to recommend: the rejected ones, and every seen one when `excludeSeen`.
    func excluded(excludeSeen: Bool) -> Set<ItemID> {
        excludeSeen ? seen.union(rejected) : rejected
    }

    /// Takes a new event into account: a positive replaces an earlier rejection, a dislike or skip withdraws
    /// an earlier positive, and the item's embedding moves the interest by the event's sentiment.
    /// - Returns: `false`, leaving the profile unchanged, when the event is older than the newest applied one.
    /// - Complexity: O(embedding dimension).
    mutating func apply(_ event: Interaction, rules: ProfileRules) -> Bool {
        let time = event.timestamp ?? Int64.min
        if let newest, time < newest { return false }
        newest = time
        eventCount += 1
        seen.insert(event.item)
        if rules.positive.isPositive(event) {
            positives[event.item] = 1
            rejected.remove(event.item)
        } else if event.kind == .dislike || event.kind == .skipped {
            positives.removeValue(forKey: event.item)
            rejected.insert(event.item)
        }
        if let vector = rules.embeddings?.vector(of: event.item) {
            interest?.add(Array(vector), sentiment: Self.sentiment(of: event, scale: rules.scale, positive: rules.positive),
                          at: event.timestamp ?? 0)
        }
        return true
    }

    /// How much an event says the user liked the item, in [−1, 1]: a rating mapped over the scale
    /// (``InterestConfiguration/sentiment(ofRating:scale:)``); a like 1 and a dislike −1, or the review's
    /// sentiment score when the event came from a review (its `value`); a watch 0.5; a skip −0.5.
    static func sentiment(of event: Interaction, scale: RatingScale?, positive: PositiveFeedback) -> Float {
        switch event.kind {
        case .rating:
            guard let value = event.value else { return 0 }
            guard let scale else { return positive.isPositive(event) ? 1 : -1 }
            return InterestConfiguration.sentiment(ofRating: value, scale: scale)
        case .like: return event.value ?? 1
        case .dislike: return event.value ?? -1
        case .watched: return 0.5
        case .skipped: return -0.5
        }
    }
}

/// What a ``UserProfile`` is computed with; profiles made under other rules are rebuilt.
struct ProfileRules: Sendable {
    /// Which events count as liked.
    var positive: PositiveFeedback
    /// The store's rating scale, for the sentiment of ratings.
    var scale: RatingScale?
    /// The catalogue's embeddings (centred), or `nil` when `marquee embed` has not run.
    var embeddings: ItemEmbeddings?
    /// The interest vector's half-life.
    var interest: InterestConfiguration
    /// Changes whenever any of the above does, so cached profiles can tell they are out of date.
    var generation: Int

    /// The rules for `inputs`: ratings of at least 80 % of the scale's maximum count as liked, as in training.
    init(_ inputs: ServingInputs, interest: InterestConfiguration, generation: Int) {
        positive = inputs.scale.map(PositiveFeedback.init(scale:)) ?? PositiveFeedback()
        scale = inputs.scale
        embeddings = inputs.embeddings
        self.interest = interest
        self.generation = generation
    }
}
