import Foundation
import Testing
import RecCore
import RecEvaluation

/// One list, its relevant set and cutoff, with every ranking metric worked out by hand.
struct RankingCase: CustomStringConvertible, Sendable {
    var name: String
    var list: [ItemID]
    var relevant: Set<ItemID>
    var k: Int
    var precision, recall, f1, ndcg, averagePrecision, hitRate, reciprocalRank: Double

    var description: String { name }

    static let all: [RankingCase] = [
        // Hits at positions 2 (b) and 4 (d); x is never recommended. |R| = 3.
        // P = 2/5; R = 2/3; F1 = 2·(2/5)(2/3) / (2/5 + 2/3) = (8/15)/(16/15) = 1/2.
        // DCG = 1/log2(3) + 1/log2(5); ideal over min(3, 5) = 3 slots: 1 + 1/log2(3) + 1/log2(4).
        // AP = (P@2 + P@4) / min(3, 5) = (1/2 + 2/4) / 3 = 1/3. First hit at 2: RR = 1/2.
        RankingCase(name: "two hits in five", list: ["a", "b", "c", "d", "e"], relevant: ["b", "d", "x"], k: 5,
                    precision: 2.0 / 5, recall: 2.0 / 3, f1: 0.5,
                    ndcg: (1 / log2(3.0) + 1 / log2(5.0)) / (1 + 1 / log2(3.0) + 0.5),
                    averagePrecision: 1.0 / 3, hitRate: 1, reciprocalRank: 0.5),
        // Same list cut at 3: only b (position 2) counts.
        // P = 1/3; R = 1/3; F1 = 1/3. nDCG = (1/log2 3) / (1 + 1/log2 3 + 1/2). AP = (1/2) / min(3, 3) = 1/6.
        RankingCase(name: "cut at three", list: ["a", "b", "c", "d", "e"], relevant: ["b", "d", "x"], k: 3,
                    precision: 1.0 / 3, recall: 1.0 / 3, f1: 1.0 / 3,
                    ndcg: (1 / log2(3.0)) / (1 + 1 / log2(3.0) + 0.5),
                    averagePrecision: 1.0 / 6, hitRate: 1, reciprocalRank: 0.5),
        // k beyond the list: one item, relevant. P = 1/10 (denominator k); R = 1/2;
        // F1 = 2·0.1·0.5 / 0.6 = 1/6. nDCG = 1 / (1 + 1/log2 3) (ideal fills min(2, 10) = 2 slots).
        // AP = (1/1) / min(2, 10) = 1/2. RR = 1.
        RankingCase(name: "k beyond the list", list: ["b"], relevant: ["b", "c"], k: 10,
                    precision: 0.1, recall: 0.5, f1: 1.0 / 6, ndcg: 1 / (1 + 1 / log2(3.0)),
                    averagePrecision: 0.5, hitRate: 1, reciprocalRank: 1),
        // More relevant items than k, all hit: P = 1; R = 2/4; F1 = 2·1·0.5/1.5 = 2/3;
        // nDCG = 1 (ideal over min(4, 2) = 2 slots); AP = (1 + 1) / min(4, 2) = 1.
        RankingCase(name: "perfect but short of recall", list: ["a", "b", "c"], relevant: ["a", "b", "c", "d"], k: 2,
                    precision: 1, recall: 0.5, f1: 2.0 / 3, ndcg: 1, averagePrecision: 1, hitRate: 1, reciprocalRank: 1),
        // The only hit is at position 3 of 3: P = 1/3, R = 1, F1 = 2·(1/3)·1/(4/3) = 1/2;
        // nDCG = (1/log2 4) / 1 = 1/2; AP = (1/3)/1; RR = 1/3.
        RankingCase(name: "last place", list: ["a", "b", "c"], relevant: ["c"], k: 3,
                    precision: 1.0 / 3, recall: 1, f1: 0.5, ndcg: 0.5,
                    averagePrecision: 1.0 / 3, hitRate: 1, reciprocalRank: 1.0 / 3),
        // No hits within k: everything 0.
        RankingCase(name: "miss", list: ["a", "b", "c"], relevant: ["c"], k: 2,
                    precision: 0, recall: 0, f1: 0, ndcg: 0, averagePrecision: 0, hitRate: 0, reciprocalRank: 0),
        // Empty list: nothing found.
        RankingCase(name: "empty list", list: [], relevant: ["a"], k: 10,
                    precision: 0, recall: 0, f1: 0, ndcg: 0, averagePrecision: 0, hitRate: 0, reciprocalRank: 0),
        // No relevant items: documented as 0 for every metric (evaluations skip such users).
        RankingCase(name: "nothing relevant", list: ["a", "b"], relevant: [], k: 10,
                    precision: 0, recall: 0, f1: 0, ndcg: 0, averagePrecision: 0, hitRate: 0, reciprocalRank: 0),
    ]
}

@Suite struct RankingMetricTests {
    @Test(arguments: RankingCase.all)
    func metricsMatchHandComputedValues(_ c: RankingCase) {
        let tolerance = 1e-12
        #expect(abs(precision(c.list, relevant: c.relevant, k: c.k) - c.precision) < tolerance)
        #expect(abs(recall(c.list, relevant: c.relevant, k: c.k) - c.recall) < tolerance)
        #expect(abs(f1(c.list, relevant: c.relevant, k: c.k) - c.f1) < tolerance)
        #expect(abs(ndcg(c.list, relevant: c.relevant, k: c.k) - c.ndcg) < tolerance)
        #expect(abs(averagePrecision(c.list, relevant: c.relevant, k: c.k) - c.averagePrecision) < tolerance)
        #expect(hitRate(c.list, relevant: c.relevant, k: c.k) == c.hitRate)
        #expect(abs(reciprocalRank(c.list, relevant: c.relevant, k: c.k) - c.reciprocalRank) < tolerance)
    }
}
