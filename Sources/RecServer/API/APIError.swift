import Foundation
import HTTPTypes
import Hummingbird

/// An error a handler returns to the client as RFC 9457 problem details (`application/problem+json`).
///
/// `kind` is stable: clients may branch on the problem's `type` URI (``ProblemKind/uri``); the
/// `detail` text is for people and may change.
public struct APIError: Error, Sendable {
    /// What went wrong, with its status.
    public var kind: ProblemKind
    /// What exactly, for people: what was expected and what was found.
    public var detail: String
    /// The offending request field (JSON path like `events[2].kind`, query parameter or path segment), when one is.
    public var field: String?
    /// For 405s: the methods the path answers, sent as the `Allow` header.
    public var allow: String?
    /// For 429s: whole seconds to wait, sent as the `Retry-After` header.
    public var retryAfter: Int?

    /// Creates an error.
    public init(_ kind: ProblemKind, _ detail: String, field: String? = nil, allow: String? = nil, retryAfter: Int? = nil) {
        self.kind = kind
        self.detail = detail
        self.field = field
        self.allow = allow
        self.retryAfter = retryAfter
    }
}

/// The kinds of problem the API reports, each with a fixed status and a stable `type` URI.
public enum ProblemKind: String, Sendable, CaseIterable {
    /// 400: the body or a parameter is malformed or out of range.
    case invalidRequest = "invalid-request"
    /// 401: no API key, or one that is unknown or revoked.
    case unauthorized
    /// 403: the key is valid but its role may not do this.
    case forbidden
    /// 404: unknown route, user or item.
    case notFound = "not-found"
    /// 405: the route exists but not with this method.
    case methodNotAllowed = "method-not-allowed"
    /// 413: the body is larger than the server accepts.
    case tooLarge = "too-large"
    /// 415: the body is not JSON.
    case unsupportedMediaType = "unsupported-media-type"
    /// 429: the API key made more requests than its rate limit allows.
    case tooManyRequests = "too-many-requests"
    /// 503: no model is trained yet, the server is shutting down, or the request took longer than the time limit.
    case unavailable
    /// 500: a fault in Marquee; the detail is in the server log under the request id.
    case internalError = "internal-error"

    /// The HTTP status.
    public var status: HTTPResponse.Status {
        switch self {
        case .invalidRequest: .badRequest
        case .unauthorized: .unauthorized
        case .forbidden: .forbidden
        case .notFound: .notFound
        case .methodNotAllowed: .methodNotAllowed
        case .tooLarge: .contentTooLarge
        case .unsupportedMediaType: .unsupportedMediaType
        case .tooManyRequests: .tooManyRequests
        case .unavailable: .serviceUnavailable
        case .internalError: .internalServerError
        }
    }

    /// The problem's `type`: a URI relative to the server, documented in the OpenAPI file.
    public var uri: String { "/problems/\(rawValue)" }

    /// The kind for a status Hummingbird raised itself (unknown route, oversized body, …).
    init(status: HTTPResponse.Status) {
        self = Self.allCases.first { $0.status == status }
            ?? (status.kind == .clientError ? .invalidRequest : .internalError)
    }
}
