import Hummingbird
import RecCore
import RecStore

/// The catalogue: `GET /v1/items/{item}` for clients; upsert and delete for admins.
struct CatalogueRoutes {
    let store: any Store
    let registry: ModelRegistry

    /// Longest title accepted, in characters.
    static let maximumTitleLength = 1_000

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
            converted.append(item.item(id: item.id ?? ""))
        }
        let summary = try await store.write(StoreBatch(items: converted))
        await registry.upsert(converted)
        return CatalogueReceipt(accepted: items.count, new: summary.items)
    }
}
