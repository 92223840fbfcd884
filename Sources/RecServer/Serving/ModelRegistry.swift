import Foundation
import Metrics
import RecAlgorithms
import RecCore
import RecEvaluation
import RecPipeline
import RecStore

/// The server's shared, mutable serving state: the model in use, the catalogue, and the profiles of
/// recently active users.
///
/// Requests take a ``snapshot()`` and work on those immutable values, so a model swapped in by
/// ``install(_:eventsDuringTraining:inputs:)`` takes effect for the next request without disturbing one in
/// flight. The registry also counts feedback since the last training and asks the ``RetrainingService`` for a
/// new model after ``ServerConfiguration/retrainAfterEvents`` events, and applies each accepted event to the
/// cached profile of its user (``ProfileCache``), so the user's next list reflects it without a store read.
public actor ModelRegistry {
    /// The model in use, or `nil` until one is trained.
    public private(set) var model: ServingModel?
    /// The catalogue.
    public private(set) var catalogue: Catalogue
    /// Feedback events accepted since the model in use was trained.
    public private(set) var eventsSinceTraining = 0

    /// How user profiles are built now.
    private(set) var rules: ProfileRules
    /// The rating scale and catalogue embeddings in use.
    private(set) var inputs: ServingInputs
    private var profiles: ProfileCache
    /// The catalogue's themes in the embedding space, built on first use; `nil` again whenever the catalogue or
    /// the embeddings change.
    private var themes: ThemeIndex?
    private let retrainAfterEvents: Int
    private let retrainRequests: AsyncStream<Void>.Continuation
    /// Training requests, consumed by the ``RetrainingService``.
    nonisolated let trainingRequests: AsyncStream<Void>

    /// A registry over `catalogue` and, if one was trained, `model`, whose user profiles follow `inputs` and
    /// `interest` and are cached for `profileLifetime`.
    init(model: ServingModel?, catalogue: Catalogue, inputs: ServingInputs = .init(), interest: InterestConfiguration = .init(),
         profileLifetime: Duration = .zero, retrainAfterEvents: Int) {
        self.model = model
        self.catalogue = catalogue
        self.retrainAfterEvents = retrainAfterEvents
        rules = ProfileRules(inputs, interest: interest, generation: 0)
        self.inputs = inputs
        profiles = ProfileCache(lifetime: profileLifetime)
        (trainingRequests, retrainRequests) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        if let model { ServerMetrics.recordModel(model) }
    }

    /// The model and catalogue in use, to answer one request.
    func snapshot() -> (model: ServingModel?, catalogue: Catalogue) { (model, catalogue) }

    /// The model, catalogue and profile rules in use, and `user`'s cached profile if there is a fresh one; when
    /// there is none, `ticket` goes back with the profile the caller builds (``cache(_:for:rules:ticket:)``).
    func snapshot(for user: UserID) -> (model: ServingModel?, catalogue: Catalogue, rules: ProfileRules,
                                        profile: UserProfile?, ticket: Int) {
        (model, catalogue, rules, profiles.profile(of: user, rules: rules, now: .now), profiles.ticket)
    }

    /// The catalogue embeddings in use and the catalogue, for mood recommendations.
    func textState() -> (inputs: ServingInputs, catalogue: Catalogue) { (inputs, catalogue) }

    /// The catalogue and the store's rating scale, to check feedback events.
    func feedbackState() -> (catalogue: Catalogue, scale: RatingScale?) { (catalogue, rules.scale) }

    /// Keeps `profile`, built from the store after ``snapshot(for:)`` gave `ticket`, unless feedback arrived since.
    func cache(_ profile: UserProfile, for user: UserID, rules: ProfileRules, ticket: Int) {
        guard rules.generation == self.rules.generation else { return }
        profiles.insert(profile, for: user, rules: rules, ticket: ticket, now: .now)
    }

    /// Makes `model` the one in use, from the next request on; user profiles are rebuilt under `inputs`.
    func install(_ model: ServingModel, eventsDuringTraining: Int, inputs: ServingInputs) {
        self.model = model
        eventsSinceTraining = max(0, eventsSinceTraining - eventsDuringTraining)
        rules = ProfileRules(inputs, interest: rules.interest, generation: rules.generation + 1)
        self.inputs = inputs
        themes = nil
        profiles.removeAll()
        ServerMetrics.recordModel(model)
    }

    /// The themes of the catalogue in use (``RecAlgorithms/ThemeIndex``), or `nil` without embeddings.
    /// - Complexity: O(Σ themes per item × dimension) on the first call after a change, then O(1).
    func themeIndex() -> ThemeIndex? {
        guard let embeddings = rules.embeddings else { return nil }
        if let themes { return themes }
        let built = ThemeIndex(items: catalogue.items.values, embeddings: embeddings)
        themes = built
        return built
    }

    /// Counts newly stored feedback `events` and applies them to their users' cached profiles; asks for
    /// retraining when the threshold is reached.
    func recordFeedback(_ events: [Interaction], count: Int) {
        profiles.record(events, rules: rules)
        eventsSinceTraining += count
        if retrainAfterEvents > 0, eventsSinceTraining >= retrainAfterEvents { requestTraining() }
    }

    /// Forgets `user`'s cached profile (their data was deleted).
    func forget(_ user: UserID) { profiles.remove(user) }

    /// Asks the retraining service for a new model (requests made while one trains collapse into one).
    func requestTraining() { retrainRequests.yield() }

    /// Adds or replaces catalogue items.
    func upsert(_ items: [Item]) {
        catalogue.upsert(items)
        themes = nil
    }

    /// Removes a catalogue item.
    func remove(_ item: ItemID) {
        catalogue.remove(item)
        themes = nil
    }

    /// Stops delivering training requests (at shutdown).
    func finish() { retrainRequests.finish() }
}
