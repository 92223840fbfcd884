import Hummingbird
import RecCore
import RecStore

/// The catalogue: `GET /v1/items/{item}` for clients; upsert and delete for admins.
struct CatalogueRoutes {
    let store: any Store
    let registry: ModelRegistry

    /// Longest title or tagline accepted, in characters.
    static let maximumTitleLength = 1_000
    /// Longest overview accepted, in characters.
    static let maximumOverviewLength = 10_000
    /// Most keywords accepted per item.
    static let maximumKeywords = 100

    func register(client: RouterGroup<ServerContext>, admin: RouterGroup<ServerContext>) {
        client.get("items/{item}") { _, context in
            let id = try context.identifier("item")
            guard let item = await registry.catalogue.items[ItemID(id)] else {
                throw APIError(.notFound, "item '\(id)' is not in the catalogue", field: "item")
            }
            return CatalogueItem(item)
        }
        admin.put("items/{item}") { request, context in
            let id = try context.identifier("item")
            var body = try await request.decodeJSON(as: CatalogueItem.self, context: context)
            body.id = id
            return try await upsert([body]) { _ in "" }
        }
        admin.post("items") { request, context in
            let batch = try await request.decodeJSON(as: CatalogueBatch.self, context: context)
            return try await upsert(batch.items) { "items[\($0)]." }
        }
        admin.delete("items/{item}") { _, context -> HTTPResponse.Status in
            let id = ItemID(try context.identifier("item"))
            guard try await store.deleteItem(id) else {
                throw APIError(.notFound, "item '\(id)' is not in the catalogue", field: "item")
            }
            await registry.remove(id)
            return .noContent
        }
    }

    private func upsert(_ items: [CatalogueItem], fieldPrefix: (Int) -> String) async throws -> CatalogueReceipt {
        guard items.count <= FeedbackRecorder.maximumBatch else {
            throw APIError(.invalidRequest, "the batch has \(items.count) items; at most \(FeedbackRecorder.maximumBatch) are accepted", field: "items")
        }
        var converted: [Item] = []
        for (index, item) in items.enumerated() {
            try Identifiers.check(item.id ?? "", field: fieldPrefix(index) + "id")
            guard !item.title.isEmpty, item.title.count <= Self.maximumTitleLength else {
                throw APIError(.invalidRequest, "title must be 1 to \(Self.maximumTitleLength) characters", field: fieldPrefix(index) + "title")
            }
            guard (item.tagline ?? "").count <= Self.maximumTitleLength else {
                throw APIError(.invalidRequest, "tagline must be at most \(Self.maximumTitleLength) characters", field: fieldPrefix(index) + "tagline")
            }
            guard (item.overview ?? "").count <= Self.maximumOverviewLength else {
                throw APIError(.invalidRequest, "overview must be at most \(Self.maximumOverviewLength) characters", field: fieldPrefix(index) + "overview")
            }
            guard (item.keywords ?? []).count <= Self.maximumKeywords else {
                throw APIError(.invalidRequest, "at most \(Self.maximumKeywords) keywords are accepted", field: fieldPrefix(index) + "keywords")
            }
            converted.append(item.item(id: item.id ?? ""))
        }
        let summary = try await store.write(StoreBatch(items: converted))
        // As stored: an empty tagline, overview or keywords kept the stored text.
        await registry.upsert(try await store.items(converted.map(\.id)))
        return CatalogueReceipt(accepted: items.count, new: summary.items)
    }
}
