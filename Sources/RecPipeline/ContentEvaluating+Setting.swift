import Foundation
import RecAlgorithms
import RecCore
import RecEvaluation
import RecImport
import RecText

extension ContentEvaluating {
    /// One data set, split and set of item embeddings, and the measurements ``ContentEvaluating`` takes on them.
    struct Setting {
        let result: ImportResult
        let split: ImplicitSplit
        let embeddings: ItemEmbeddings
        let k: Int
        /// Training positives, value 1.
        let matrix: InteractionMatrix
        /// Test users, ascending.
        let users: [UserID]
        /// Per test user with one, their held-out items that have no training interactions.
        let coldTest: [UserID: Set<ItemID>]
        /// Every catalogue, training and test item.
        let catalogueSize: Int
        /// Each (user, item)'s rating and time; the last one when rated twice.
        let ratings: [UserItem: (value: Float, timestamp: Int64?)]

        struct UserItem: Hashable { var user: UserID; var item: ItemID }

        init(result: ImportResult, split: ImplicitSplit, embeddings: ItemEmbeddings, k: Int) {
            self.result = result
            self.split = split
            self.embeddings = embeddings
            self.k = k
            matrix = InteractionMatrix(split.train, scale: RatingScale(minimum: 0, maximum: 1))
            users = split.test.keys.sorted()
            let trained = Set(matrix.items.ids)
            coldTest = split.test.compactMapValues { items in
                let cold = items.filter { !trained.contains($0) }
                return cold.isEmpty ? nil : cold
            }
            var catalogue = Set(result.items.map(\.id))
            catalogue.formUnion(trained)
            for items in split.test.values { catalogue.formUnion(items) }
            catalogueSize = catalogue.count
            var ratings: [UserItem: (value: Float, timestamp: Int64?)] = [:]
            for interaction in result.interactions {
                if let value = interaction.value {
                    ratings[UserItem(user: interaction.user, item: interaction.item)] = (value, interaction.timestamp)
                }
            }
            self.ratings = ratings
        }

        /// The figures of one model's lists for every test user.
        func row(_ name: String, lists: [[ItemID]]) -> ContentEvaluationReport.ModelRow {
            var ndcgSum = 0.0, coldSum = 0.0
            for (user, list) in zip(users, lists) {
                ndcgSum += ndcg(list, relevant: split.test[user, default: []], k: k)
                if let cold = coldTest[user] { coldSum += recall(list, relevant: cold, k: k) }
            }
            return ContentEvaluationReport.ModelRow(
                name: name, ndcg: ndcgSum / Double(users.count),
                coverage: itemCoverage(lists, k: k, catalogueSize: catalogueSize),
                coldRecall: coldTest.isEmpty ? 0 : coldSum / Double(coldTest.count))
        }

        /// Content-based, ALS, popularity and their blend, and the content model for the other measurements.
        func topN(profile: InterestConfiguration, blendWeight: Float) async throws -> (rows: [ContentEvaluationReport.ModelRow], content: ContentBased) {
            try profile.validate()
            var latest: [UserID: Int64] = [:]
            for interaction in split.train {
                latest[interaction.user] = max(latest[interaction.user] ?? .min, interaction.timestamp ?? .min)
            }
            let weighted = split.train.map { interaction in
                var weightedInteraction = interaction
                let rating = ratings[UserItem(user: interaction.user, item: interaction.item)]?.value ?? result.scale.maximum
                let age = Double((latest[interaction.user] ?? 0) - (interaction.timestamp ?? 0))
                weightedInteraction.value = profile.weight(rating: rating, scale: result.scale, age: age)
                return weightedInteraction
            }
            let content = try ContentBased.fit(InteractionMatrix(weighted, scale: result.scale), embeddings: embeddings)
            let als = try await ImplicitALS.fit(matrix)
            let popular = try MostPopular.fit(matrix)
            let blend = try LinearBlend(content, als, configuration: .init(weight: blendWeight))
            func lists(_ model: any TopNRecommender) -> [[ItemID]] {
                users.map { model.recommend(for: $0, count: k).items.map(\.item) }
            }
            let decay = profile.halfLife.map { "half-life \(Self.days($0))" } ?? "no decay"
            return ([row("content (rating × recency, \(decay))", lists: lists(content)),
                     row("als (collaborative only)", lists: lists(als)),
                     row("popular", lists: lists(popular)),
                     row("blend (content \(TextTable.fixed(Double(blendWeight), digits: 2)) + als)", lists: lists(blend))],
                    content)
        }

        /// Interest vectors at `configuration` over each test user's ratings before their first held-out item.
        func interest(_ configuration: InterestConfiguration, content: ContentBased) throws -> ContentEvaluationReport.ModelRow {
            let byUser = Dictionary(grouping: result.interactions.filter { $0.value != nil }, by: \.user)
            var lists: [[ItemID]] = []
            for user in users {
                let heldOut = split.test[user, default: []]
                let history = byUser[user, default: []].sorted { ($0.timestamp ?? .min, $0.item) < ($1.timestamp ?? .min, $1.item) }
                let events = history.prefix { !heldOut.contains($0.item) }
                var vector = try InterestVector(dimension: embeddings.dimension, configuration: configuration)
                for event in events {
                    guard let embedding = embeddings.vector(of: event.item), let value = event.value else { continue }
                    vector.add(Array(embedding), sentiment: InterestConfiguration.sentiment(ofRating: value, scale: result.scale),
                               at: event.timestamp ?? 0)
                }
                let seen = Set(events.map(\.item))
                let list = vector.mean.map { content.recommend(forProfile: $0, count: k, excluding: seen) }
                    ?? content.recommend(for: user, count: k)
                lists.append(list.items.map(\.item))
            }
            let decay = configuration.halfLife.map { "half-life \(Self.days($0))" } ?? "no decay"
            return row("interest (all ratings, \(decay))", lists: lists)
        }

        /// Free-text ranking from held-out users' own tags against popularity among the other users.
        func mood(users moodUsers: Set<UserID>, tags: [Tag], encoder: MiniLMEncoder) async throws -> (users: Int, rows: [ContentEvaluationReport.MoodRow]) {
            let rated = Dictionary(grouping: result.interactions, by: \.user).mapValues { Set($0.map(\.item)) }
            let ordered = tags.enumerated().sorted { ($0.element.timestamp ?? .min, $0.offset) < ($1.element.timestamp ?? .min, $1.offset) }
            var texts: [UserID: [String]] = [:]
            for (_, tag) in ordered where moodUsers.contains(tag.user) {
                let text = tag.text.trimmingCharacters(in: .whitespacesAndNewlines)
                let known = texts[tag.user, default: []]
                if !text.isEmpty, !known.contains(where: { $0.lowercased() == text.lowercased() }) { texts[tag.user] = known + [text] }
            }
            let evaluated = texts.keys.filter { rated[$0] != nil }.sorted()
            let queries = try await encoder.embed(evaluated.map { texts[$0, default: []].joined(separator: ", ") })
            var counts: [ItemID: Int] = [:]
            for interaction in result.interactions where !moodUsers.contains(interaction.user) { counts[interaction.item, default: 0] += 1 }
            let popular = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(k).map(\.key)
            var sums = (textHits: 0.0, textNDCG: 0.0, popularHits: 0.0, popularNDCG: 0.0, randomHits: 0.0, randomNDCG: 0.0)
            let n = embeddings.items.count
            let discounts = (1...k).map { 1 / log2(Double($0 + 1)) }
            for (user, query) in zip(evaluated, queries) {
                let relevant = rated[user, default: []]
                // A uniformly random ranking of the catalogue, in expectation: P(no hit in k) = Π (n − r − j)/(n − j);
                // E[DCG] = (r/n)·Σ discounts.
                let r = relevant.count { embeddings.items.index(of: $0) != nil }
                var missAll = 1.0
                for j in 0..<k { missAll *= Double(max(0, n - r - j)) / Double(n - j) }
                sums.randomHits += 1 - missAll
                if r > 0 {
                    let ideal: Double = discounts.prefix(r).reduce(0, +)
                    sums.randomNDCG += Double(r) / Double(n) * discounts.reduce(0, +) / ideal
                }
                let list = embeddings.nearest(to: embeddings.centered(query), count: k).map(\.item)
                sums.textHits += hitRate(list, relevant: relevant, k: k)
                sums.textNDCG += ndcg(list, relevant: relevant, k: k)
                sums.popularHits += hitRate(popular, relevant: relevant, k: k)
                sums.popularNDCG += ndcg(popular, relevant: relevant, k: k)
            }
            let users = Double(max(evaluated.count, 1))
            return (evaluated.count, [
                ContentEvaluationReport.MoodRow(name: "own tags → embedding → cosine", hitRate: sums.textHits / users,
                                                ndcg: sums.textNDCG / users),
                ContentEvaluationReport.MoodRow(name: "popularity (other users)", hitRate: sums.popularHits / users,
                                                ndcg: sums.popularNDCG / users),
                ContentEvaluationReport.MoodRow(name: "random (expectation)", hitRate: sums.randomHits / users,
                                                ndcg: sums.randomNDCG / users),
            ])
        }

        /// `"30 d"` for 30 days in seconds.
        static func days(_ seconds: Double) -> String {
            let days = seconds / 86_400
            return days == days.rounded() ? "\(Int(days)) d" : "\(TextTable.fixed(days, digits: 1)) d"
        }
    }
}
