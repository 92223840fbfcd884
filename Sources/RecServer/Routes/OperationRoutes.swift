import Foundation
import Hummingbird

/// Health, readiness, metrics, training on demand and the OpenAPI document.
struct OperationRoutes {
    let registry: ModelRegistry

    func register(public router: Router<ServerContext>, admin: RouterGroup<ServerContext>, adminRoot: RouterGroup<ServerContext>) throws {
        router.get("healthz") { _, _ in Health(status: "ok") }
        router.get("readyz") { _, _ -> Response in
            let (model, catalogue) = await registry.snapshot()
            let readiness = Readiness(ready: model != nil, model: model?.name, items: catalogue.items.count,
                                      eventsSinceTraining: await registry.eventsSinceTraining)
            let body = try JSONEncoder().encode(readiness)
            return Response(status: model == nil ? .serviceUnavailable : .ok, headers: [.contentType: "application/json"],
                            body: .init(byteBuffer: ByteBuffer(bytes: body)))
        }
        let openAPI = try Self.resource("OpenAPI/openapi.json")
        router.get("openapi.json") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: openAPI)))
        }
        adminRoot.get("metrics") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4"],
                     body: .init(byteBuffer: ByteBuffer(string: ServerMetrics.exposition())))
        }
        admin.post("train") { _, _ -> Response in
            await registry.requestTraining()
            let body = try JSONEncoder().encode(TrainingRequest(currentModel: await registry.model?.name, status: "requested"))
            return Response(status: .accepted, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: body)))
        }
    }

    /// The bytes of a file bundled with the server.
    /// - Throws: ``ServerError`` if the build lacks it.
    static func resource(_ path: String) throws -> Data {
        guard let root = Bundle.module.resourceURL,
              let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) else {
            throw ServerError(.invalidConfiguration, "the server's bundled file \(path) is missing from this build; rebuild with `swift build`")
        }
        return data
    }
}
