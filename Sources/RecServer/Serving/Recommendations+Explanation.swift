import RecAlgorithms
import RecCore
import RecGeneration

extension Recommendations {
    /// Evidence items listed per explanation.
    static let evidenceCount = 3

    /// The explanation of an item from the popularity fallback: there is no history to cite.
    static let popularityExplanation = Explanation(
        text: "One of the most watched movies here: we don't know your taste yet.", evidence: [], method: .popularity,
        score: nil, remainder: nil, themes: [], notes: [])

    /// Why the model put `item` in the user's list: the liked items whose shares of the score are largest
    /// (ALS score decomposition, item-kNN neighbour weights) and a sentence naming the positive ones.
    /// - Parameters:
    ///   - history: the positives the model folded in.
    ///   - reviews: liked items whose like came from a review, with the review's VADER compound score.
    func explanation(of item: ItemID, history: [ItemID: Float], reviews: [ItemID: Float], model: ServingModel,
                     catalogue: Catalogue) -> Explanation {
        let general = "Recommended by \(model.name) from the \(history.count) movies you liked."
        guard let decomposition = model.model.explain(item, history: history, count: Self.evidenceCount) else {
            return Explanation(text: general, evidence: [], method: .model, score: nil, remainder: nil, themes: [], notes: [])
        }
        let method: Explanation.Method = if case .itemKNN = model.model { .neighbours } else { .scoreDecomposition }
        let evidence = decomposition.contributions.map { share in
            Evidence(item: share.item.rawValue, title: catalogue.items[share.item]?.title ?? "", weight: share.score,
                     kind: reviews[share.item] == nil ? .liked : .reviewed, sentiment: reviews[share.item])
        }
        return Explanation(text: Self.sentence(citing: evidence) ?? general, evidence: evidence, method: method,
                           score: decomposition.score, remainder: decomposition.remainder, themes: [], notes: [])
    }

    /// `explanation` with the item's themes closest to the user's `interest` as evidence, named in a second
    /// sentence ("Its themes A and B are close to your recent interests.") when there are any.
    static func citingThemes(of item: Item?, interest: [Float], index: ThemeIndex, in explanation: Explanation) -> Explanation {
        guard let item else { return explanation }
        let themes = index.closest(of: item, to: interest, count: evidenceCount)
        guard !themes.isEmpty else { return explanation }
        var cited = explanation
        cited.themes = themes.map { ThemeEvidence(theme: $0.theme, weight: $0.cosine) }
        let noun = themes.count == 1 ? "theme" : "themes"
        let verb = themes.count == 1 ? "is" : "are"
        cited.text += " Its \(noun) \(EnglishList.joined(themes.map(\.theme))) \(verb) close to your recent interests."
        return cited
    }

    /// "Because you liked A, B and C (you reviewed it positively)." over the evidence with a positive weight, in
    /// evidence order; `nil` when none has one. Names nothing but evidence titles (ids for untitled items).
    static func sentence(citing evidence: [Evidence]) -> String? {
        let phrases = evidence.filter { $0.weight > 0 }.map { entry in
            let name = entry.title.isEmpty ? "item \(entry.item)" : entry.title
            return entry.kind == .reviewed ? "\(name) (you reviewed it positively)" : name
        }
        guard !phrases.isEmpty else { return nil }
        return "Because you liked \(EnglishList.joined(phrases))."
    }

    /// The note an item gets when the user's interest vector re-ranked the model's candidates: its score is then
    /// the blend, while the evidence shares decompose the model's own score.
    static func interestNote(weight: Float) -> String {
        "Re-ranked by your recent interests (weight \(weight)): the score shown blends them with the model's, "
            + "whose own score the shares above add up to."
    }

    /// The note an item gets when diversity re-ranking chose the list.
    static func diversityNote(diversity: Double, modelRank: Int, shownRank: Int) -> String {
        let moved = modelRank == shownRank ? "kept at place \(shownRank)"
                                           : "placed \(shownRank) (the model ranked it \(modelRank))"
        return "Diversity re-ranking (\(diversity)) applied for varied genres: \(moved)."
    }

    /// The user's positives whose latest like was recorded from a review (a like carrying the review's sentiment
    /// score, stored with the review's text at the same time), with that score.
    func reviewedLikes(of user: UserID, positives: [ItemID: Float]) async throws -> [ItemID: Float] {
        struct Key: Hashable { var item: ItemID; var timestamp: Int64? }
        let reviewed = Set(try await store.tags(of: user).map { Key(item: $0.item, timestamp: $0.timestamp) })
        var latest: [ItemID: Float?] = [:]
        for event in try await store.interactions(of: user) where event.kind == .like && positives[event.item] != nil {
            let isReview = event.value != nil && reviewed.contains(Key(item: event.item, timestamp: event.timestamp))
            latest[event.item] = isReview ? event.value : Float?.none
        }
        return latest.compactMapValues { $0 }
    }
}
