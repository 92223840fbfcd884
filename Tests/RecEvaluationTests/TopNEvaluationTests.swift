import Foundation
import Testing
import RecCore
import RecEvaluation

/// A model that answers each user with a fixed list, to check the evaluation's bookkeeping.
struct FixedLists: TopNRecommender {
    var lists: [UserID: [ItemID]]

    func recommend(for user: UserID, count: Int, excluding excluded: Set<ItemID>, includeSeen: Bool) -> TopNList {
        let items = lists[user, default: []].filter { !excluded.contains($0) }.prefix(count)
        return TopNList(items: items.map { ScoredItem(item: $0, score: 0) }, isFallback: false)
    }
}

@Suite struct TopNEvaluationTests {
    /// Training: u1 a b, u2 a c, u3 a. Held out: u1 {c}, u2 {b, d}.
    let split = ImplicitSplit(
        name: "toy",
        train: [("u1", "a"), ("u1", "b"), ("u2", "a"), ("u2", "c"), ("u3", "a")].map {
            Interaction(user: UserID($0.0), item: ItemID($0.1), kind: .watched, value: 1)
        },
        test: ["u1": ["c"], "u2": ["b", "d"]])
    let catalogue = [Item(id: "b", title: "B", genres: ["Drama"]), Item(id: "c", title: "C", genres: ["Drama", "Comedy"]),
                     Item(id: "d", title: "D", genres: ["Horror"])]

    func report(k: Int = 2) async throws -> TopNReport {
        try await TopNEvaluation.evaluate(split, k: k, catalogue: catalogue, algorithm: "fixed", dataset: "toy") { _ in
            FixedLists(lists: ["u1": ["c", "d"], "u2": ["c", "b"]])
        }
    }

    @Test func reportAveragesEveryMetricOverTestUsers() async throws {
        let r = try await report()
        // u1 [c d] vs {c}: nDCG 1, P 1/2, R 1, F1 2/3, AP 1/min(1, 2) = 1, hit 1, RR 1.
        // u2 [c b] vs {b d}: nDCG (1/log2 3)/(1 + 1/log2 3), P 1/2, R 1/2, F1 1/2, AP (1/2)/2, hit 1, RR 1/2.
        #expect(r.users == 2 && r.k == 2 && r.protocolName == "toy")
        #expect(abs(r.ndcg - (1 + (1 / log2(3.0)) / (1 + 1 / log2(3.0))) / 2) < 1e-12)
        #expect(r.precision == 0.5 && r.recall == 0.75 && r.map == 0.625 && r.hitRate == 1 && r.mrr == 0.75)
        #expect(abs(r.f1 - 7.0 / 12) < 1e-12)
        // Catalogue {a b c d}; shown c twice, b and d once: coverage 3/4; sorted 0 1 1 2 gives
        // Gini (−3·0 − 1·1 + 1·1 + 3·2) / (4·4) = 6/16.
        #expect(r.coverage == 0.75 && r.gini == 0.375)
        // 3 training users; b and c each have 1, d none (counted as 1 for novelty, 0 for popularity).
        #expect(abs(try #require(r.novelty) - log2(3.0)) < 1e-12)
        #expect(r.popularity == 0.75)  // u1 (1 + 0)/2, u2 (1 + 1)/2
        #expect(r.diversity == 0.75)  // u1 c–d 1, u2 c–b 1 − 1/2
        // The popular head is ⌈0.2 × 3⌉ = 1 item, a; no slot goes to it.
        #expect(r.longTail == 1)
        // u1's history {a, b} has genres only through b: p = Drama; [c d] gives q = (¼ Drama, ¼ Comedy, ½ Horror),
        // q̃(Drama) = 0.99 × ¼ + 0.01 = 0.2575, KL = ln(1 / 0.2575) = 1.356736. u2: p = (½, ½) from c; [c b] gives
        // q̃ = (0.7475, 0.2525), KL = ½ ln(½ / 0.7475) + ½ ln(½ / 0.2525) = 0.140535. Mean 0.748635.
        #expect(abs(try #require(r.miscalibration) - 0.748635) < 1e-6)
    }

    @Test func variantsReRankTheSameCandidatesOfOneFit() async throws {
        var fits = 0
        let reports = try await TopNEvaluation.evaluate(
            split, k: 2, candidates: 2, catalogue: catalogue, algorithm: "fixed", dataset: "toy",
            variants: [TopNVariant(name: "model") { _, candidates in candidates },
                       TopNVariant(name: "reversed") { _, candidates in candidates.reversed() }]) { _ in
            fits += 1
            return FixedLists(lists: ["u1": ["c", "d"], "u2": ["c", "b"]])
        }
        #expect(fits == 1)
        let single = try await report()
        #expect(reports.map(\.algorithm) == ["model", "reversed"])
        #expect(reports[0].ndcg == single.ndcg && reports[0].coverage == single.coverage)
        // u1 [d c] vs {c}: nDCG 1/log2 3; u2 [b c] vs {b d}: 1 / (1 + 1/log2 3).
        let l = 1 / log2(3.0)
        #expect(abs(reports[1].ndcg - (l + 1 / (1 + l)) / 2) < 1e-12)
        await #expect(throws: EvaluationError.self) {
            try await TopNEvaluation.evaluate(split, k: 2, candidates: 1, algorithm: "fixed", dataset: "toy",
                                              variants: [TopNVariant(name: "model") { _, candidates in candidates }]) { _ in
                FixedLists(lists: [:])
            }
        }
    }

    /// A fold-in model that recommends the unseen items of the history's heaviest item's list, to show which history
    /// the evaluation folded in.
    struct HeaviestItemFollower: FoldInRecommender {
        let next: [ItemID: [ItemID]]

        func recommend(for user: UserID, count: Int, excluding excluded: Set<ItemID>, includeSeen: Bool) -> TopNList {
            TopNList(items: [], isFallback: true)
        }

        func recommend(forHistory history: [ItemID: Float], count: Int, excluding excluded: Set<ItemID>) -> TopNList {
            guard let heaviest = history.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }) else {
                return TopNList(items: [], isFallback: true)
            }
            let items = next[heaviest.key, default: []].filter { history[$0] == nil && !excluded.contains($0) }.prefix(count)
            return TopNList(items: items.map { ScoredItem(item: $0, score: 1) }, isFallback: false)
        }
    }

    /// u1 watched a then b: weighted by recency b weighs most, so the list follows b (→ c, u1's held-out item) and
    /// nDCG is 1; u2 watched a then c, follows c (→ b, one of {b, d}). Unweighted (all 1) the model would follow a.
    @Test func historyWeightingFoldsInEachUsersRecencyWeightedPositives() async throws {
        var split = split
        split.train = split.train.enumerated().map { index, interaction in
            var interaction = interaction
            interaction.timestamp = Int64(index)
            return interaction
        }
        let model = HeaviestItemFollower(next: ["a": ["d"], "b": ["c"], "c": ["b"]])
        let weighted = try await TopNEvaluation.evaluate(split, k: 1, algorithm: "follower", dataset: "toy",
                                                         historyWeighting: RecencyWeighting(halfLifeShare: 0.5)) { _ in model }
        #expect(weighted.hitRate == 1 && weighted.ndcg == 1)
        await #expect(throws: EvaluationError.self) {
            try await TopNEvaluation.evaluate(split, k: 1, algorithm: "fixed", dataset: "toy",
                                              historyWeighting: RecencyWeighting(halfLifeShare: 0.5)) { _ in FixedLists(lists: [:]) }
        }
    }

    @Test func jsonCarriesExactlyTheContractKeysAndRoundTrips() async throws {
        let r = try await report(k: 10)
        let data = try JSONEncoder().encode(r)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let metrics = ["ndcg", "precision", "recall", "f1", "map", "hr", "mrr", "coverage", "gini",
                       "novelty", "diversity", "popularity", "miscalibration", "long_tail"].map { "\($0)@10" }
        let keys = metrics + ["algorithm", "dataset", "protocol", "users", "fit_seconds", "recommend_seconds", "peak_rss_mib"]
        #expect(Set(object.keys) == Set(keys))
        #expect(try JSONDecoder().decode(TopNReport.self, from: data) == r)
    }

    @Test func missingValuesEncodeAsNull() throws {
        let r = TopNReport(algorithm: "x", dataset: "y", protocolName: "loo", k: 5, users: 1, ndcg: 0, precision: 0,
                           recall: 0, f1: 0, map: 0, hitRate: 0, mrr: 0, coverage: 0, gini: 0, novelty: nil,
                           diversity: nil, popularity: nil, fitSeconds: 0, recommendSeconds: 0, peakRSSMiB: nil)
        let object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(r)) as? [String: Any])
        #expect(object["diversity@5"] is NSNull && object["peak_rss_mib"] is NSNull)
        #expect(try JSONDecoder().decode(TopNReport.self, from: JSONEncoder().encode(r)) == r)
    }

    @Test func rejectsNonPositiveKAndEmptyTests() async {
        await #expect(throws: EvaluationError.self) { try await report(k: 0) }
        let empty = ImplicitSplit(name: "empty", train: split.train, test: [:])
        await #expect(throws: EvaluationError.self) {
            try await TopNEvaluation.evaluate(empty, algorithm: "fixed", dataset: "toy") { _ in FixedLists(lists: [:]) }
        }
    }
}

@Suite struct TradeOffPlotTests {
    func report(_ ndcg: Double, coverage: Double) -> TopNReport {
        TopNReport(algorithm: "x", dataset: "toy", protocolName: "loo", k: 10, users: 1, ndcg: ndcg, precision: 0, recall: 0,
                   f1: 0, map: 0, hitRate: 0, mrr: 0, coverage: coverage, gini: 1 - coverage, novelty: 3 + coverage,
                   diversity: nil, popularity: nil, fitSeconds: 0, recommendSeconds: 0, peakRSSMiB: nil)
    }

    @Test func eachPanelDrawsOneLinePerDialFromTheModelsPoint() {
        let model = report(0.12, coverage: 0.3)
        let plot = TradeOffPlot(baseline: model,
                                series: [.init(name: "popularity", reports: [report(0.11, coverage: 0.4), report(0.08, coverage: 0.5)]),
                                         .init(name: "a<b", reports: [report(0.1, coverage: 0.3)])],
                                standard: report(0.11, coverage: 0.4))
        let svg = plot.svg(title: "t")
        #expect(svg.hasPrefix("<svg") && svg.hasSuffix("</svg>\n"))
        #expect(svg.components(separatedBy: "<polyline").count - 1 == 6, "3 panels × 2 dials")
        #expect(svg.contains("a&lt;b") && svg.contains("○ default"))
        // Coverage panel: x from 0.3 (left edge 60) to 0.5 (360); NDCG 0.12 is the top edge (40).
        #expect(svg.contains("points=\"60.0,40.0 210.0,"), "the popularity line starts at the model's point")
    }
}
