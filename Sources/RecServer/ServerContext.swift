import Foundation
import Hummingbird
import RecStore

/// The per-request context of Marquee's routes: Hummingbird's core storage plus the caller's role,
/// set by ``APIKeyMiddleware`` once the API key checks out.
public struct ServerContext: RequestContext {
    /// Hummingbird's per-request storage (logger, parameters, request id).
    public var coreContext: CoreRequestContextStorage
    /// The role of the API key that authenticated the request; `nil` before authentication and on public routes.
    public var role: APIKeyRole?

    /// Creates the context for one request.
    public init(source: Source) {
        coreContext = .init(source: source)
        role = nil
    }

    /// Largest request body accepted, in bytes (1 MiB: a batch of several thousand feedback events);
    /// larger bodies get a 413 problem.
    public var maxUploadSize: Int { Self.maximumBodyBytes }

    /// Largest request body accepted, in bytes.
    public static let maximumBodyBytes = 1 << 20
}

extension ServerContext {
    /// The path segment `name` (`{user}`, `{item}`), percent-decoded and checked by ``Identifiers``, so
    /// `/v1/users/a%20b` names the same user as `{"user": "a b"}` in a body.
    /// - Throws: ``APIError`` `.invalidRequest` naming the segment if it does not decode or is not a valid id.
    func identifier(_ name: String) throws -> String {
        let raw = try parameters.require(name)
        guard let decoded = raw.removingPercentEncoding else {
            throw APIError(.invalidRequest, "path segment \(name) '\(raw)' is not valid percent-encoded UTF-8", field: name)
        }
        try Identifiers.check(decoded, field: name)
        return decoded
    }
}
