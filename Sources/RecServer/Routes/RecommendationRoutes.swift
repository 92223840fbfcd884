import Hummingbird
import RecCore

/// `GET /v1/users/{user}/recommendations`, `/v1/items/{item}/similar`, `/v1/popular`, `/v1/latest`.
struct RecommendationRoutes {
    let recommendations: Recommendations

    func register(on group: RouterGroup<ServerContext>) {
        group.get("users/{user}/recommendations") { request, context in
            let user = try context.identifier("user")
            let query = QueryParameters(request)
            let recommendationQuery = RecommendationQuery(
                count: try query.integer("n", default: 10, in: 1...100),
                excludeSeen: try query.boolean("excludeSeen", default: true),
                diversity: try query.number("diversity", default: 0, in: 0...1),
                explain: try query.boolean("explain", default: false),
                pitch: try query.boolean("pitch", default: false),
                mood: try query.text("mood", maximumLength: 500),
                genre: query.text("genre"),
                minimumYear: try query.integer("minYear", in: 0...3000),
                maximumYear: try query.integer("maxYear", in: 0...3000))
            return try await recommendations.recommend(for: UserID(user), recommendationQuery)
        }
        group.get("items/{item}/similar") { request, context in
            let item = try context.identifier("item")
            return try await recommendations.similar(to: ItemID(item), count: try QueryParameters(request).integer("n", default: 10, in: 1...100))
        }
        group.get("popular") { request, _ in
            try await recommendations.popular(count: try QueryParameters(request).integer("n", default: 10, in: 1...100))
        }
        group.get("latest") { request, _ in
            await recommendations.latest(count: try QueryParameters(request).integer("n", default: 10, in: 1...100))
        }
    }
}
