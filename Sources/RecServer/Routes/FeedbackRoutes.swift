import Hummingbird

/// `POST /v1/feedback` (one event) and `POST /v1/feedback/batch` (several, all or none).
struct FeedbackRoutes {
    let recorder: FeedbackRecorder

    func register(on group: RouterGroup<ServerContext>) {
        group.post("feedback") { request, context in
            let event = try await request.decodeJSON(as: FeedbackEvent.self, context: context)
            return try await recorder.record([event]) { _ in "" }
        }
        group.post("feedback/batch") { request, context in
            let batch = try await request.decodeJSON(as: FeedbackBatch.self, context: context)
            return try await recorder.record(batch.events) { "events[\($0)]." }
        }
    }
}
