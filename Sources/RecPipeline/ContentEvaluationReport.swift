/// What `marquee evaluate --task content` measured: content-based, collaborative and blended top-N on the
/// protocol's split, interest vectors against each user's next items, and free-text ("mood") ranking for users
/// with no history.
public struct ContentEvaluationReport: Sendable, Hashable, Codable {
    /// One model's top-N figures on the protocol's test users.
    public struct ModelRow: Sendable, Hashable, Codable {
        /// The model, e.g. `"content"`, `"blend (content 0.3)"`.
        public var name: String
        /// NDCG@k over every test user.
        public var ndcg: Double
        /// Share of the catalogue that appears in some user's top k.
        public var coverage: Double
        /// Recall@k of cold test items (no training interactions), over the users who have one.
        public var coldRecall: Double
    }

    /// One way of ranking from a text, for users with no history.
    public struct MoodRow: Sendable, Hashable, Codable {
        /// `"tags → embedding"` or `"popularity"`.
        public var name: String
        /// Hit rate@k: share of users with a rated movie in the top k.
        public var hitRate: Double
        /// NDCG@k with the user's rated movies as relevant.
        public var ndcg: Double
    }

    /// The data set, e.g. `"ml-latest-small"`.
    public var dataset: String
    /// The protocol, e.g. `"p1-temporal"`.
    public var protocolName: String
    /// The cutoff.
    public var k: Int
    /// Catalogue items, each with a vector.
    public var items: Int
    /// Items embedded in this run (the others came from the embedding cache).
    public var embedded: Int
    /// Items joined to a TMDB record.
    public var itemsWithTMDB: Int
    /// Wall-clock seconds embedding the ``embedded`` items' texts.
    public var embedSeconds: Double
    /// Test users of the protocol, and how many of them have a cold test item.
    public var testUsers: Int
    /// Test users with at least one cold test item.
    public var coldUsers: Int
    /// Content-based, ALS, popularity and blend.
    public var models: [ModelRow]
    /// Interest vectors (several half-lives, no decay) against ALS: NDCG@k on each user's next items.
    public var interest: [ModelRow]
    /// Users whose tags were held out to make the texts.
    public var moodUsers: Int
    /// Ranking by the embedding of a user's own tags against popularity.
    public var mood: [MoodRow]
}

extension ContentEvaluationReport {
    /// The report as three tables.
    public var text: String {
        func fixed(_ value: Double) -> String { TextTable.fixed(value, digits: 4) }
        let models = TextTable(header: ["model", "ndcg@\(k)", "coverage@\(k)", "cold recall@\(k)"],
                               rows: self.models.map { [$0.name, fixed($0.ndcg), fixed($0.coverage), fixed($0.coldRecall)] })
        let interest = TextTable(header: ["profile", "ndcg@\(k)"], rows: self.interest.map { [$0.name, fixed($0.ndcg)] })
        let mood = TextTable(header: ["ranking", "hr@\(k)", "ndcg@\(k)"],
                             rows: self.mood.map { [$0.name, fixed($0.hitRate), fixed($0.ndcg)] })
        return """
            content on \(dataset) (\(protocolName), \(testUsers) test users, \(coldUsers) with cold test items; \
            \(items) items, \(itemsWithTMDB) with TMDB text, \(embedded) embedded in \(TextTable.seconds(embedSeconds)))
            \(models.text)

            interest vectors: next items of each test user
            \(interest.text)

            mood cold start: \(moodUsers) users' own tags as the text, their rated movies as relevant
            \(mood.text)
            """
    }
}
