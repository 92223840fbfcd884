import RecCore
import RecStore

/// One recommended movie with what the catalogue says about it.
public struct Recommendation: Sendable, Hashable {
    /// The movie.
    public var item: Item
    /// Its predicted rating on the data set's scale.
    public var predictedRating: Float
}

/// A user's recommendations and how they were made.
public struct RecommendationList: Sendable, Hashable {
    /// For whom.
    public var user: UserID
    /// Best first.
    public var recommendations: [Recommendation]
    /// The model used, e.g. `"biased-mf v3"`.
    public var model: String
    /// `true` when the user has no history, so the list ranks by the items' baselines alone.
    public var isFallback: Bool
}

/// `marquee recommend`: top-N unseen items for a user from the stored model, never retraining.
public enum Recommending {
    /// The `count` items with the highest predicted rating that `user` has not interacted with.
    /// - Throws: ``PipelineError`` if no model was trained; store errors.
    /// - Complexity: O(items × prediction cost + items log items).
    public static func recommend(for user: UserID, count: Int, store: any Store) async throws -> RecommendationList {
        guard let name = try await store.metadata(for: StoreKeys.activeModel),
              let stored = try await store.latestModel(named: name) else {
            throw PipelineError(.noModel, "no trained model in the store; run `marquee train` first")
        }
        let model = try TrainedRatingModel(stored)
        let history = try await store.interactions(of: user)
        let catalogue = try await store.allItems()
        let ranked = model.recommend(for: user, among: catalogue.map(\.id), count: count,
                                     excluding: Set(history.map(\.item)))
        let details = Dictionary(uniqueKeysWithValues: catalogue.map { ($0.id, $0) })
        let recommendations = ranked.compactMap { scored in
            details[scored.item].map { Recommendation(item: $0, predictedRating: scored.score) }
        }
        return RecommendationList(user: user, recommendations: recommendations,
                                  model: "\(stored.name) v\(stored.version)", isFallback: history.isEmpty)
    }
}
