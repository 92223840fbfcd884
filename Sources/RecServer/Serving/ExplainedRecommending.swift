import RecCore
import RecEvaluation
import RecGeneration
import RecPipeline
import RecStore

/// `marquee recommend USER --explain --pitch`: the server's recommendations for one user, with its explanations
/// and pitches, computed from the store without starting the server (same model, same code path as
/// `GET /v1/users/{user}/recommendations`).
public enum ExplainedRecommending {
    /// The user's top `count` items from the stored top-N model (the one `marquee serve` uses).
    /// - Parameters:
    ///   - explain: attach an ``Explanation`` to each item.
    ///   - pitch: attach a ``RecGeneration/Pitch`` to each item, from `llm` when given, else offline.
    ///   - mood: the user's mood, for pitches.
    /// - Throws: ``APIError`` `.unavailable` when no top-N model is trained; ``ServerError`` for a bad `llm`
    ///   configuration; store errors.
    public static func recommend(for user: UserID, count: Int, explain: Bool, pitch: Bool, mood: String? = nil,
                                 store: any Store, llm: OpenAIChatConfiguration? = nil) async throws -> ItemList {
        let stored = try await TopNTraining.latestModel(in: store)
        let defaults = ServerConfiguration()
        let registry = ModelRegistry(model: try stored.map { try ServingModel($0.model, record: $0.record) },
                                     catalogue: Catalogue(try await store.allItems()),
                                     inputs: try await ServingInputs.load(from: store), interest: defaults.interest,
                                     retrainAfterEvents: 0)
        let pitches: any PitchGenerator
        do {
            pitches = try llm.map { try OpenAIChatPitchGenerator(configuration: $0) } ?? OfflinePitchGenerator()
        } catch {
            throw ServerError(.invalidConfiguration, "language model: \(error)")
        }
        let recommendations = Recommendations(store: store, registry: registry, interestWeight: Float(defaults.interestWeight),
                                              pitches: pitches, promptReviews: llm?.includesReviews ?? false)
        return try await recommendations.recommend(
            for: user, RecommendationQuery(count: count, explain: explain, pitch: pitch, mood: mood))
    }
}
