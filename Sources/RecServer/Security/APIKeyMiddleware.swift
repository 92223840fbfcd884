import Foundation
import HTTPTypes
import Hummingbird
import RecStore

/// Lets a request through only with a valid API key whose role allows the route, and records the role
/// in ``ServerContext/role``.
///
/// The key comes as `Authorization: Bearer <key>` or `X-API-Key: <key>`. No key or an unknown or
/// revoked one is a 401; a client key on an admin route is a 403; a key over its rate limit a 429 with
/// `Retry-After`.
struct APIKeyMiddleware: RouterMiddleware {
    typealias Context = ServerContext

    /// The role a route group needs; admin keys may do everything client keys may.
    let required: APIKeyRole
    let keys: APIKeys
    /// Requests per key, or `nil` for no limit.
    let limiter: RateLimiter?

    func handle(_ request: Request, context: ServerContext,
                next: (Request, ServerContext) async throws -> Response) async throws -> Response {
        guard let presented = Self.presentedKey(request) else {
            throw APIError(.unauthorized, "this route needs an API key: send 'Authorization: Bearer <key>' or 'X-API-Key: <key>'")
        }
        let digest = APIKeys.digest(of: presented)
        guard let role = try await keys.role(digest: digest) else {
            throw APIError(.unauthorized, "the API key is unknown or revoked")
        }
        guard role == .admin || role == required else {
            throw APIError(.forbidden, "this route needs an admin key; the key given is a \(role.rawValue) key")
        }
        if let limiter, let wait = await limiter.admit(APIKeys.id(of: digest)) {
            throw APIError(.tooManyRequests, "this key made more than \(Int(limiter.perSecond)) requests a second; retry in \(wait) s",
                           retryAfter: wait)
        }
        var context = context
        context.role = role
        return try await next(request, context)
    }

    private static let apiKeyField = HTTPField.Name("X-API-Key")!

    static func presentedKey(_ request: Request) -> String? {
        if let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") {
            return String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)
        }
        return request.headers[apiKeyField]
    }
}
