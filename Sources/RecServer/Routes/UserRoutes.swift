import Hummingbird
import RecCore
import RecEvaluation
import RecStore

/// Users: a summary and demo-user list for clients; export and deletion of a user's data for admins.
struct UserRoutes {
    let store: any Store
    let registry: ModelRegistry
    let recommendations: Recommendations

    func register(client: RouterGroup<ServerContext>, admin: RouterGroup<ServerContext>) {
        client.get("users") { request, _ in
            let count = try QueryParameters(request).integer("n", default: 20, in: 1...1000)
            let users = await registry.model?.mostActiveUsers.prefix(count).map(\.rawValue) ?? []
            return UserList(users: users)
        }
        client.get("users/{user}") { _, context in
            let id = try userID(context)
            let events = try await store.interactions(of: id)
            let texts = try await store.tags(of: id)
            let profile = try await store.user(id)
            guard !events.isEmpty || !texts.isEmpty || profile != nil else {
                throw APIError(.notFound, "user '\(id)' is unknown", field: "user")
            }
            let positives = try await recommendations.profile(of: id).positives.count
            return UserSummary(id: id.rawValue, interactions: events.count, positives: positives, texts: texts.count)
        }
        admin.get("users/{user}/export") { _, context in
            let id = try userID(context)
            return UserExport(id: id.rawValue, profile: try await store.user(id),
                              interactions: try await store.interactions(of: id), texts: try await store.tags(of: id))
        }
        admin.delete("users/{user}") { _, context in
            let id = try userID(context)
            let removed = try await store.deleteUser(id)
            await registry.forget(id)
            return DeletionReceipt(removed: removed)
        }
    }

    private func userID(_ context: ServerContext) throws -> UserID {
        UserID(try context.identifier("user"))
    }
}
