import Foundation
import Hummingbird
import Logging
import RecStore

/// Turns every error a route throws into RFC 9457 problem details with the right status.
///
/// ``APIError``s keep their kind and detail; Hummingbird's own errors (unknown route, oversized body)
/// keep their status; anything else is a fault: the client gets a 500 naming only the request id,
/// and the log gets the error under that id.
struct ProblemMiddleware: RouterMiddleware {
    typealias Context = ServerContext

    func handle(_ request: Request, context: ServerContext,
                next: (Request, ServerContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let problem = Self.apiError(for: error, logger: context.logger, requestID: context.id)
            return try Self.response(for: problem, requestID: context.id)
        }
    }

    /// The client-facing error for `error`; faults are logged with the request id.
    static func apiError(for error: any Error, logger: Logger, requestID: String) -> APIError {
        switch error {
        case let error as APIError:
            return error
        case let error as HTTPError:
            let kind = ProblemKind(status: error.status)
            return APIError(kind, error.body ?? kind.status.reasonPhrase)
        case let error as any HTTPResponseError:
            let kind = ProblemKind(status: error.status)
            return APIError(kind, kind.status.reasonPhrase)
        default:
            logger.error("request failed", metadata: ["request_id": "\(requestID)", "error": "\(error)"])
            return APIError(.internalError, "Marquee failed to handle this request; the server log has the cause under request id \(requestID)")
        }
    }

    /// The problem-details response for `error`.
    static func response(for error: APIError, requestID: String) throws -> Response {
        let body = try JSONEncoder().encode(ProblemDetails(error, requestID: requestID))
        var headers: HTTPFields = [.contentType: "application/problem+json"]
        if let allow = error.allow { headers[.allow] = allow }
        if let retryAfter = error.retryAfter { headers[.retryAfter] = String(retryAfter) }
        return Response(status: error.kind.status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}
