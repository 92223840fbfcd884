import RecCore
import RecEvaluation
import RecGeneration
import RecRanking
import RecStore

/// Answers recommendation requests from the model in use and the user's profile (their stored events, cached by
/// the registry and kept current by each accepted feedback event), so feedback counts from the very next request:
/// the model folds the history in and the interest vector re-ranks its candidates; nothing is retrained.
struct Recommendations: Sendable {
    let store: any Store
    let registry: ModelRegistry
    /// The interest vector's share when re-ranking the model's candidates (``InterestReranking``); 0 turns it off.
    let interestWeight: Float

    /// Candidates the interest re-ranks at least, when the user has an interest vector.
    static let interestDepth = 100
    /// Writes the pitches of `pitch=true`: the language model when configured, else the offline generator.
    let pitches: any PitchGenerator
    /// Whether pitch requests read the user's own reviews for the prompt (the operator's
    /// ``RecGeneration/OpenAIChatConfiguration/includesReviews``).
    let promptReviews: Bool

    /// The user's recommendations under `query`.
    /// - Throws: ``APIError`` `.unavailable` before the first model is trained; store errors.
    /// - Complexity: the user's profile (cached, or one read of their events), the model's fold-in
    ///   (ALS: O(items × factors)), O(pool × dimension) for the interest and O(count × pool) for diversity.
    func recommend(for user: UserID, _ query: RecommendationQuery) async throws -> ItemList {
        let (model, catalogue, rules, profile) = try await servingState(for: user)
        let history = profile.positives
        var pool = query.isFiltering ? model.model.history.items.count
                                     : query.count + (query.diversity > 0 ? max(4 * query.count, 50) : 20)
        let interest = interestWeight > 0 ? profile.interest?.mean : nil
        if interest != nil { pool = max(pool, Self.interestDepth) }
        var ranked = model.foldIn.recommend(forHistory: history, count: pool, excluding: profile.excluded(excludeSeen: query.excludeSeen))
        var isInterestRanked = false
        if let interest, let embeddings = rules.embeddings {
            ranked.items = InterestReranking.rerank(ranked.items, interest: interest, embeddings: embeddings, weight: interestWeight)
            isInterestRanked = true
        }
        let eligible = ranked.items.filter { scored in
            catalogue.items[scored.item].map { Self.matches($0, query) } ?? false
        }
        let dials = RerankingDials(diversity: query.diversity)
        let picked = dials.isReranking
            ? ListReranking.rerank(eligible, count: query.count, dials: dials, history: history,
                                   catalogue: RerankingCatalogue(items: eligible.compactMap { catalogue.items[$0.item] }, popularity: [:]))
            : Array(eligible.prefix(query.count))
        var reviews: [ItemID: Float] = [:]
        if query.explain { reviews = try await reviewedLikes(of: user, positives: history) }
        let themes = query.explain && isInterestRanked ? await registry.themeIndex() : nil
        let modelRank = Dictionary(eligible.enumerated().map { ($1.item, $0 + 1) }, uniquingKeysWith: { first, _ in first })
        let items = picked.enumerated().map { position, scored in
            var item = RecommendedItem(scored, catalogue)
            if query.explain {
                var why = ranked.isFallback
                    ? Self.popularityExplanation
                    : explanation(of: scored.item, history: history, reviews: reviews, model: model, catalogue: catalogue)
                if isInterestRanked, let interest {
                    if let themes {
                        why = Self.citingThemes(of: catalogue.items[scored.item], interest: interest, index: themes, in: why)
                    }
                    why.notes.append(Self.interestNote(weight: interestWeight))
                }
                if query.diversity > 0, let rank = modelRank[scored.item] {
                    why.notes.append(Self.diversityNote(diversity: query.diversity, modelRank: rank, shownRank: position + 1))
                }
                item.explanation = why
            }
            return item
        }
        guard query.pitch else { return ItemList(items: items, model: model.name, fallback: ranked.isFallback) }
        let written = promptReviews ? try await ownReviews(of: user, positives: history) : []
        let summary = interests(in: history, catalogue: catalogue, mood: query.mood, reviews: written)
        return ItemList(items: await pitch(items, interests: summary, catalogue: catalogue), model: model.name,
                        fallback: ranked.isFallback)
    }

    /// The profile of `user`: cached by the registry, or built from their stored events (and then cached).
    /// - Throws: store errors.
    func profile(of user: UserID) async throws -> UserProfile {
        try await userState(of: user).profile
    }

    /// Items most similar to `item` under the model.
    /// - Throws: ``APIError`` `.notFound` for an item the catalogue lacks, `.invalidRequest` when the
    ///   model has no item similarity.
    func similar(to item: ItemID, count: Int) async throws -> ItemList {
        let (model, catalogue) = try await servingState()
        guard catalogue.items[item] != nil else { throw APIError(.notFound, "item '\(item)' is not in the catalogue", field: "item") }
        guard let similar = model.model.similarItems(to: item, count: count + 20) else {
            throw APIError(.invalidRequest, "the model in use (\(model.name)) has no item similarity; serve als or item-knn for similar items")
        }
        let items = similar.filter { catalogue.items[$0.item] != nil }.prefix(count).map { RecommendedItem($0, catalogue) }
        return ItemList(items: Array(items), model: model.name, fallback: false)
    }

    /// The most popular catalogue items in the training data.
    func popular(count: Int) async throws -> ItemList {
        let (model, catalogue) = try await servingState()
        let items = model.popular.lazy.filter { catalogue.items[$0.item] != nil }.prefix(count).map { RecommendedItem($0, catalogue) }
        return ItemList(items: Array(items), model: model.name, fallback: false)
    }

    /// The newest catalogue items by release year.
    func latest(count: Int) async -> ItemList {
        let catalogue = await registry.catalogue
        let items = catalogue.newestFirst.prefix(count).map { RecommendedItem(ScoredItem(item: $0, score: 0), catalogue) }
        return ItemList(items: items, model: nil, fallback: false)
    }

    private func servingState(for user: UserID) async throws -> (ServingModel, Catalogue, ProfileRules, UserProfile) {
        let state = try await userState(of: user)
        guard let model = state.model else { throw Self.noModel }
        return (model, state.catalogue, state.rules, state.profile)
    }

    /// The registry's state with `user`'s profile, built from the store when the registry has no fresh one.
    private func userState(of user: UserID) async throws
        -> (model: ServingModel?, catalogue: Catalogue, rules: ProfileRules, profile: UserProfile) {
        let state = await registry.snapshot(for: user)
        if let profile = state.profile { return (state.model, state.catalogue, state.rules, profile) }
        let profile = UserProfile(events: try await store.interactions(of: user), rules: state.rules)
        await registry.cache(profile, for: user, rules: state.rules, ticket: state.ticket)
        return (state.model, state.catalogue, state.rules, profile)
    }

    private func servingState() async throws -> (ServingModel, Catalogue) {
        let (model, catalogue) = await registry.snapshot()
        guard let model else { throw Self.noModel }
        return (model, catalogue)
    }

    private static let noModel = APIError(.unavailable, "no model is trained yet; training starts with the server and after `POST /v1/train`")

    private static func matches(_ item: Item, _ query: RecommendationQuery) -> Bool {
        if let genre = query.genre, !item.genres.contains(where: { $0.caseInsensitiveCompare(genre) == .orderedSame }) { return false }
        if let minimum = query.minimumYear, (item.year ?? Int.min) < minimum { return false }
        if let maximum = query.maximumYear, (item.year ?? Int.max) > maximum { return false }
        return true
    }
}

extension RecommendedItem {
    /// The API form of a scored item, with the catalogue's details.
    init(_ scored: ScoredItem, _ catalogue: Catalogue) {
        let item = catalogue.items[scored.item]
        self.init(id: scored.item.rawValue, title: item?.title ?? "", year: item?.year, genres: item?.genres ?? [],
                  score: scored.score, explanation: nil, pitch: nil)
    }
}
