import Hummingbird
import RecCore

/// Stops a request that takes longer than ``limit`` and answers it with a 503 problem, so that one slow request
/// (a database held by a long write, say) cannot hold a connection for ever.
///
/// The handler runs in a child task beside a timer; when the timer wins, the handler is cancelled. Cancellation is
/// cooperative: store reads and writes (GRDB) stop at their next check, and a write that was stopped rolls back,
/// so the client never gets a 2xx for an event that was not stored. Costs two child tasks per request.
struct RequestTimeoutMiddleware: RouterMiddleware {
    typealias Context = ServerContext

    /// The longest a request may take.
    let limit: Duration

    func handle(_ request: Request, context: ServerContext,
                next: (Request, ServerContext) async throws -> Response) async throws -> Response {
        try await withoutActuallyEscaping(next) { next in
            // The group awaits both children before returning, so `next` never outlives this call.
            let handler = UncheckedHandler(call: next)
            return try await withThrowingTaskGroup(of: Response?.self) { group in
                group.addTask { try await handler.call(request, context) }
                group.addTask {
                    try await Task.sleep(for: limit)
                    return nil
                }
                defer { group.cancelAll() }
                if let response = try await group.next() ?? nil { return response }
                throw APIError(.unavailable, "the request took longer than \(limit.seconds) s and was stopped; try again")
            }
        }
    }

    /// The non-escaping `next` closure made sendable for the child task; sound because the task group
    /// ends before ``handle(_:context:next:)`` returns.
    private struct UncheckedHandler: @unchecked Sendable {
        let call: (Request, ServerContext) async throws -> Response
    }
}
