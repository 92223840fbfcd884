/// The result of evaluating one top-N model on one split; the JSON contract of
/// `marquee evaluate --task topn … --json`.
///
/// Keys, with the cutoff as suffix (here k = 10): `ndcg@10`, `precision@10`, `recall@10`, `f1@10`,
/// `map@10`, `hr@10`, `mrr@10` (means over evaluated users), `coverage@10`, `gini@10` (over all lists),
/// `novelty@10`, `diversity@10`, `popularity@10`, `miscalibration@10` (means over the users whose list gives a
/// value; `null` when none does), `long_tail@10` (share of all slots; `null` in reports from before it existed), plus `algorithm`, `dataset`, `protocol`, `users` (evaluated users), `fit_seconds`,
/// `recommend_seconds` and `peak_rss_mib` (`null` where the OS does not tell). Decoding reads k back from
/// the `ndcg@` key.
public struct TopNReport: Sendable, Hashable, Codable {
    /// Algorithm name as the CLI spells it, e.g. `"als"`.
    public var algorithm: String
    /// Data set name, e.g. `"ml-100k"`.
    public var dataset: String
    /// Protocol name, e.g. `"p1-temporal"`.
    public var protocolName: String
    /// The cutoff every metric uses.
    public var k: Int
    /// Number of users evaluated (those with at least one held-out item).
    public var users: Int
    /// Mean nDCG@k.
    public var ndcg: Double
    /// Mean precision@k.
    public var precision: Double
    /// Mean recall@k.
    public var recall: Double
    /// Mean of per-user F1@k.
    public var f1: Double
    /// Mean average precision@k (MAP).
    public var map: Double
    /// Hit rate@k: share of users with a relevant item in the top k.
    public var hitRate: Double
    /// Mean reciprocal rank@k (MRR).
    public var mrr: Double
    /// Catalogue coverage@k.
    public var coverage: Double
    /// Gini index of exposure@k.
    public var gini: Double
    /// Mean novelty@k in bits, or `nil` when every list was empty.
    public var novelty: Double?
    /// Mean intra-list diversity@k, or `nil` when no list had a pair of known distance.
    public var diversity: Double?
    /// Mean training popularity@k of recommended items, or `nil` when every list was empty.
    public var popularity: Double?
    /// Mean ``miscalibration(_:k:history:genres:)``@k in nats, or `nil` when no user had a list and a history
    /// with genres.
    public var miscalibration: Double?
    /// ``longTailShare(_:k:head:)``@k: the share of recommended slots outside the popular head.
    public var longTail: Double?
    /// Wall-clock seconds to fit.
    public var fitSeconds: Double
    /// Wall-clock seconds to recommend for every evaluated user.
    public var recommendSeconds: Double
    /// Peak resident memory of the process, in MiB.
    public var peakRSSMiB: Double?

    /// Creates a report.
    public init(algorithm: String, dataset: String, protocolName: String, k: Int, users: Int,
                ndcg: Double, precision: Double, recall: Double, f1: Double, map: Double, hitRate: Double,
                mrr: Double, coverage: Double, gini: Double, novelty: Double?, diversity: Double?,
                popularity: Double?, miscalibration: Double? = nil, longTail: Double? = nil, fitSeconds: Double, recommendSeconds: Double, peakRSSMiB: Double?) {
        self.algorithm = algorithm
        self.dataset = dataset
        self.protocolName = protocolName
        self.k = k
        self.users = users
        self.ndcg = ndcg
        self.precision = precision
        self.recall = recall
        self.f1 = f1
        self.map = map
        self.hitRate = hitRate
        self.mrr = mrr
        self.coverage = coverage
        self.gini = gini
        self.novelty = novelty
        self.diversity = diversity
        self.popularity = popularity
        self.miscalibration = miscalibration
        self.longTail = longTail
        self.fitSeconds = fitSeconds
        self.recommendSeconds = recommendSeconds
        self.peakRSSMiB = peakRSSMiB
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    private static let metricNames = ["ndcg", "precision", "recall", "f1", "map", "hr", "mrr",
                                      "coverage", "gini", "novelty", "diversity", "popularity", "miscalibration", "long_tail"]

    /// Decodes a report; k comes from the `ndcg@k` key.
    /// - Throws: `DecodingError` when a key is missing or no `ndcg@k` key names a positive k.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        guard let kKey = container.allKeys.first(where: { $0.stringValue.hasPrefix("ndcg@") }),
              let k = Int(kKey.stringValue.dropFirst("ndcg@".count)), k > 0 else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "expected a key ndcg@k with a positive k"))
        }
        func metric(_ name: String) -> Key { Key(stringValue: "\(name)@\(k)") }
        self.init(
            algorithm: try container.decode(String.self, forKey: Key(stringValue: "algorithm")),
            dataset: try container.decode(String.self, forKey: Key(stringValue: "dataset")),
            protocolName: try container.decode(String.self, forKey: Key(stringValue: "protocol")),
            k: k,
            users: try container.decode(Int.self, forKey: Key(stringValue: "users")),
            ndcg: try container.decode(Double.self, forKey: metric("ndcg")),
            precision: try container.decode(Double.self, forKey: metric("precision")),
            recall: try container.decode(Double.self, forKey: metric("recall")),
            f1: try container.decode(Double.self, forKey: metric("f1")),
            map: try container.decode(Double.self, forKey: metric("map")),
            hitRate: try container.decode(Double.self, forKey: metric("hr")),
            mrr: try container.decode(Double.self, forKey: metric("mrr")),
            coverage: try container.decode(Double.self, forKey: metric("coverage")),
            gini: try container.decode(Double.self, forKey: metric("gini")),
            novelty: try container.decodeIfPresent(Double.self, forKey: metric("novelty")),
            diversity: try container.decodeIfPresent(Double.self, forKey: metric("diversity")),
            popularity: try container.decodeIfPresent(Double.self, forKey: metric("popularity")),
            miscalibration: try container.decodeIfPresent(Double.self, forKey: metric("miscalibration")),
            longTail: try container.decodeIfPresent(Double.self, forKey: metric("long_tail")),
            fitSeconds: try container.decode(Double.self, forKey: Key(stringValue: "fit_seconds")),
            recommendSeconds: try container.decode(Double.self, forKey: Key(stringValue: "recommend_seconds")),
            peakRSSMiB: try container.decodeIfPresent(Double.self, forKey: Key(stringValue: "peak_rss_mib")))
    }

    /// Encodes every key of the contract; absent optional values are written as `null`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(algorithm, forKey: Key(stringValue: "algorithm"))
        try container.encode(dataset, forKey: Key(stringValue: "dataset"))
        try container.encode(protocolName, forKey: Key(stringValue: "protocol"))
        try container.encode(users, forKey: Key(stringValue: "users"))
        let values: [Double?] = [ndcg, precision, recall, f1, map, hitRate, mrr, coverage, gini,
                                 novelty, diversity, popularity, miscalibration, longTail]
        for (name, value) in zip(Self.metricNames, values) {
            try container.encode(value, forKey: Key(stringValue: "\(name)@\(k)"))
        }
        try container.encode(fitSeconds, forKey: Key(stringValue: "fit_seconds"))
        try container.encode(recommendSeconds, forKey: Key(stringValue: "recommend_seconds"))
        try container.encode(peakRSSMiB, forKey: Key(stringValue: "peak_rss_mib"))
    }
}
