import Foundation
import Testing
import RecCore
import RecEvaluation
import RecTestSupport

/// `Tests/Fixtures/reference/topn-metrics-small.json`, written by `scripts/reference/topn_metrics.py`
/// from explicit numpy formulas.
struct TopNReference: Decodable {
    struct Ranking: Decodable {
        var list: [String], relevant: [String], k: Int
        var precision, recall, f1, ndcg, average_precision, hit, reciprocal_rank: Double
    }
    struct Beyond: Decodable {
        var k, catalogue_size, user_count: Int
        var lists: [[String]]
        var genres: [String: [String]]
        var popularity: [String: Int]
        var coverage, gini: Double
        var novelty, average_popularity: [Double]
        var diversity: [Double?]
    }
    struct RandomProtocol: Decodable {
        var seed: UInt64
        var positives: [[Positive]]
        var test: [String: [String]]
    }
    /// A positive is a JSON array `[user, item, timestamp]`.
    enum Positive: Decodable {
        case text(String), number(Int64)
        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Int64.self) { self = .number(number) } else { self = .text(try container.decode(String.self)) }
        }
    }
    var ranking: [Ranking]
    var beyond: Beyond
    var random_protocol: RandomProtocol

    static func load() throws -> TopNReference {
        try JSONDecoder().decode(TopNReference.self, from: Data(contentsOf: TestData.fixture("reference/topn-metrics-small.json")))
    }
}

@Suite struct TopNReferenceTests {
    let tolerance = 1e-9

    @Test func rankingMetricsMatchNumpy() throws {
        for c in try TopNReference.load().ranking {
            let list = c.list.map(ItemID.init(rawValue:)), relevant = Set(c.relevant.map(ItemID.init(rawValue:)))
            #expect(abs(precision(list, relevant: relevant, k: c.k) - c.precision) < tolerance)
            #expect(abs(recall(list, relevant: relevant, k: c.k) - c.recall) < tolerance)
            #expect(abs(f1(list, relevant: relevant, k: c.k) - c.f1) < tolerance)
            #expect(abs(ndcg(list, relevant: relevant, k: c.k) - c.ndcg) < tolerance)
            #expect(abs(averagePrecision(list, relevant: relevant, k: c.k) - c.average_precision) < tolerance)
            #expect(hitRate(list, relevant: relevant, k: c.k) == c.hit)
            #expect(abs(reciprocalRank(list, relevant: relevant, k: c.k) - c.reciprocal_rank) < tolerance)
        }
    }

    @Test func beyondAccuracyMetricsMatchNumpy() throws {
        let b = try TopNReference.load().beyond
        let lists = b.lists.map { $0.map(ItemID.init(rawValue:)) }
        let popularity = Dictionary(uniqueKeysWithValues: b.popularity.map { (ItemID($0.key), $0.value) })
        let distance = GenreJaccardDistance(b.genres.map { Item(id: ItemID($0.key), title: $0.key, genres: $0.value) })
        #expect(abs(itemCoverage(lists, k: b.k, catalogueSize: b.catalogue_size) - b.coverage) < tolerance)
        #expect(abs(giniIndex(lists, k: b.k, catalogueSize: b.catalogue_size) - b.gini) < tolerance)
        for (index, list) in lists.enumerated() {
            let bits = try #require(novelty(list, k: b.k, popularity: popularity, userCount: b.user_count))
            #expect(abs(bits - b.novelty[index]) < tolerance)
            let users = try #require(averagePopularity(list, k: b.k, popularity: popularity))
            #expect(abs(users - b.average_popularity[index]) < tolerance)
            let diversity = intraListDiversity(list, k: b.k, distance: distance)
            #expect((diversity == nil) == (b.diversity[index] == nil))
            if let diversity, let expected = b.diversity[index] { #expect(abs(diversity - expected) < tolerance) }
        }
    }

    @Test func randomProtocolMatchesPython() throws {
        let r = try TopNReference.load().random_protocol
        let positives = try r.positives.map { fields in
            guard fields.count == 3, case .text(let user) = fields[0], case .text(let item) = fields[1],
                  case .number(let time) = fields[2] else {
                throw EvaluationError(.invalidInput, "random_protocol.positives: expected [user, item, timestamp]")
            }
            return Interaction(user: UserID(user), item: ItemID(item), kind: .like, timestamp: time)
        }
        let split = TopNProtocol.randomPerUser(seed: r.seed).split(positives)
        let expected = Dictionary(uniqueKeysWithValues: r.test.map { (UserID($0.key), Set($0.value.map(ItemID.init(rawValue:)))) })
        #expect(split.test == expected)
    }
}
