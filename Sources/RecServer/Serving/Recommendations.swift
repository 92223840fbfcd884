import RecCore
import RecEvaluation
import RecGeneration
import RecStore

/// Answers recommendation requests from the model in use and the user's history as stored now, so
/// feedback counts from the very next request (the model folds the history in; nothing is retrained).
struct Recommendations: Sendable {
    let store: any Store
    let registry: ModelRegistry
    let positive: PositiveFeedback
    /// Writes the pitches of `pitch=true`: the language model when configured, else the offline generator.
    let pitches: any PitchGenerator

    /// The user's recommendations under `query`.
    /// - Throws: ``APIError`` `.unavailable` before the first model is trained; store errors.
    /// - Complexity: one read of the user's events, the model's fold-in (ALS: O(items × factors)), and
    ///   O(count × pool) for diversity.
    func recommend(for user: UserID, _ query: RecommendationQuery) async throws -> ItemList {
        let (model, catalogue) = try await servingState()
        let (history, excluded) = try await self.history(of: user, excludeSeen: query.excludeSeen)
        let pool = query.isFiltering ? model.model.history.items.count
                                     : query.count + (query.diversity > 0 ? max(4 * query.count, 50) : 20)
        let ranked = model.foldIn.recommend(forHistory: history, count: pool, excluding: excluded)
        let eligible = ranked.items.filter { scored in
            catalogue.items[scored.item].map { Self.matches($0, query) } ?? false
        }
        let picked = DiversityReranking.rerank(eligible, count: query.count, diversity: query.diversity) { id in
            Set(catalogue.items[id]?.genres.map { $0.lowercased() } ?? [])
        }
        var reviews: [ItemID: Float] = [:]
        if query.explain { reviews = try await reviewedLikes(of: user, positives: history) }
        let modelRank = Dictionary(eligible.enumerated().map { ($1.item, $0 + 1) }, uniquingKeysWith: { first, _ in first })
        let items = picked.enumerated().map { position, scored in
            var item = RecommendedItem(scored, catalogue)
            if query.explain {
                var why = ranked.isFallback
                    ? Self.popularityExplanation
                    : explanation(of: scored.item, history: history, reviews: reviews, model: model, catalogue: catalogue)
                if query.diversity > 0, let rank = modelRank[scored.item] {
                    why.notes.append(Self.diversityNote(diversity: query.diversity, modelRank: rank, shownRank: position + 1))
                }
                item.explanation = why
            }
            return item
        }
        guard query.pitch else { return ItemList(items: items, model: model.name, fallback: ranked.isFallback) }
        let summary = interests(in: history, catalogue: catalogue, mood: query.mood)
        return ItemList(items: await pitch(items, interests: summary, catalogue: catalogue), model: model.name,
                        fallback: ranked.isFallback)
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

    /// The user's positives (item → 1) and the items never to recommend, from their events in time order:
    /// a later dislike or skip withdraws an earlier positive, a later positive lifts an earlier dislike.
    func history(of user: UserID, excludeSeen: Bool) async throws -> (positives: [ItemID: Float], excluded: Set<ItemID>) {
        var positives: [ItemID: Float] = [:]
        var rejected = Set<ItemID>()
        var seen = Set<ItemID>()
        for event in try await store.interactions(of: user) {
            seen.insert(event.item)
            if positive.isPositive(event) {
                positives[event.item] = 1
                rejected.remove(event.item)
            } else if event.kind == .dislike || event.kind == .skipped {
                positives.removeValue(forKey: event.item)
                rejected.insert(event.item)
            }
        }
        return (positives, excludeSeen ? seen.union(rejected) : rejected)
    }

    private func servingState() async throws -> (ServingModel, Catalogue) {
        let (model, catalogue) = await registry.snapshot()
        guard let model else {
            throw APIError(.unavailable, "no model is trained yet; training starts with the server and after `POST /v1/train`")
        }
        return (model, catalogue)
    }

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
