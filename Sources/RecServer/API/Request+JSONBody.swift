import Foundation
import Hummingbird

extension Request {
    /// The body decoded as `T`, or a 400/413/415 ``APIError`` naming the offending field.
    ///
    /// - Throws: ``APIError``: `.unsupportedMediaType` unless the content type is JSON, `.tooLarge` past
    ///   ``ServerContext/maximumBodyBytes``, `.invalidRequest` for malformed JSON, a missing field or a
    ///   value of the wrong type (with the JSON path in `field`).
    func decodeJSON<T: Decodable>(as type: T.Type, context: ServerContext) async throws -> T {
        if let contentType = headers[.contentType], !contentType.lowercased().hasPrefix("application/json") {
            throw APIError(.unsupportedMediaType, "the body is '\(contentType)'; expected application/json")
        }
        let buffer: ByteBuffer
        do {
            buffer = try await body.collect(upTo: context.maxUploadSize)
        } catch {
            throw APIError(.tooLarge, "the body is larger than \(context.maxUploadSize) bytes")
        }
        do {
            return try JSONDecoder().decode(type, from: Data(buffer: buffer))
        } catch let error as DecodingError {
            throw APIError(decoding: error)
        }
    }
}

extension APIError {
    /// The 400 for a body that did not decode, naming the JSON path that failed.
    init(decoding error: DecodingError) {
        func path(_ codingPath: [any CodingKey]) -> String {
            codingPath.reduce(into: "") { path, key in
                if let index = key.intValue { path += "[\(index)]" } else { path += path.isEmpty ? key.stringValue : ".\(key.stringValue)" }
            }
        }
        switch error {
        case .keyNotFound(let key, let context):
            let field = path(context.codingPath + [key])
            self.init(.invalidRequest, "the body has no field '\(field)'; it is required", field: field)
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            let field = path(context.codingPath)
            self.init(.invalidRequest, "field '\(field)' is not \(Self.describe(type)): \(context.debugDescription)", field: field)
        case .dataCorrupted(let context) where !context.codingPath.isEmpty:
            let field = path(context.codingPath)
            self.init(.invalidRequest, "field '\(field)': \(context.debugDescription)", field: field)
        case .dataCorrupted(let context):
            let reason = (context.underlyingError as? NSError)?.userInfo[NSDebugDescriptionErrorKey] as? String
            self.init(.invalidRequest, "the body is not valid JSON" + (reason.map { ": \($0)" } ?? ""))
        @unknown default:
            self.init(.invalidRequest, "the body does not decode: \(error)")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Int64.Type: "an integer"
        case is Float.Type, is Double.Type: "a number"
        case is Bool.Type: "a boolean"
        default: "of the expected type (\(type))"
        }
    }
}
