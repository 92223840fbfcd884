import Hummingbird

/// Typed reading of a request's query string, with 400 problems that name the parameter.
struct QueryParameters {
    private let parameters: Hummingbird.Parameters

    init(_ request: Request) { parameters = request.uri.queryParameters }

    /// An integer parameter, `defaultValue` when absent.
    /// - Throws: ``APIError`` if it is not an integer in `range`.
    func integer(_ name: String, default defaultValue: Int, in range: ClosedRange<Int>) throws -> Int {
        guard let text = parameters.get(name) else { return defaultValue }
        guard let value = Int(text), range.contains(value) else {
            throw APIError(.invalidRequest, "query parameter '\(name)' is '\(text)'; expected an integer from \(range.lowerBound) to \(range.upperBound)", field: name)
        }
        return value
    }

    /// An optional integer parameter.
    /// - Throws: ``APIError`` if present and not an integer in `range`.
    func integer(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        parameters.get(name) == nil ? nil : try integer(name, default: 0, in: range)
    }

    /// A number parameter, `defaultValue` when absent.
    /// - Throws: ``APIError`` if it is not a number in `range`.
    func number(_ name: String, default defaultValue: Double, in range: ClosedRange<Double>) throws -> Double {
        guard let text = parameters.get(name) else { return defaultValue }
        guard let value = Double(text), range.contains(value) else {
            throw APIError(.invalidRequest, "query parameter '\(name)' is '\(text)'; expected a number from \(range.lowerBound) to \(range.upperBound)", field: name)
        }
        return value
    }

    /// A Boolean parameter (`true`/`false`/`1`/`0`), `defaultValue` when absent.
    /// - Throws: ``APIError`` for any other spelling.
    func boolean(_ name: String, default defaultValue: Bool) throws -> Bool {
        guard let text = parameters.get(name) else { return defaultValue }
        switch text.lowercased() {
        case "true", "1": return true
        case "false", "0": return false
        default: throw APIError(.invalidRequest, "query parameter '\(name)' is '\(text)'; expected true or false", field: name)
        }
    }

    /// A text parameter, or `nil` when absent or empty.
    func text(_ name: String) -> String? {
        parameters.get(name).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// A text parameter of at most `maximumLength` characters, or `nil` when absent or empty.
    /// - Throws: ``APIError`` if it is longer.
    func text(_ name: String, maximumLength: Int) throws -> String? {
        guard let text = text(name) else { return nil }
        guard text.count <= maximumLength else {
            throw APIError(.invalidRequest, "query parameter '\(name)' has \(text.count) characters; expected at most \(maximumLength)", field: name)
        }
        return text
    }
}
