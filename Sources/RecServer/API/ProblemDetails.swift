import Foundation

/// The JSON body of an error response (RFC 9457), plus the offending field and the request id.
public struct ProblemDetails: Codable, Sendable, Equatable {
    /// Stable URI of the kind of problem, e.g. `/problems/not-found`.
    public var type: String
    /// Short summary of the kind, e.g. `"Not Found"`.
    public var title: String
    /// The HTTP status code.
    public var status: Int
    /// What exactly went wrong and what was expected.
    public var detail: String
    /// The offending request field, when one is.
    public var field: String?
    /// The request's id, as in the server log.
    public var requestId: String

    /// The body for `error` in the request `requestID`.
    init(_ error: APIError, requestID: String) {
        type = error.kind.uri
        title = error.kind.status.reasonPhrase
        status = error.kind.status.code
        detail = error.detail
        field = error.field
        self.requestId = requestID
    }
}
