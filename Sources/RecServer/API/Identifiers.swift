/// Rules for the user and item ids clients send.
enum Identifiers {
    /// Longest id accepted, in characters.
    static let maximumLength = 256

    /// Checks that `id` is 1 to 256 characters without control characters.
    /// - Throws: ``APIError`` `.invalidRequest` naming `field`.
    static func check(_ id: String, field: String) throws {
        guard !id.isEmpty, id.count <= maximumLength, !id.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw APIError(.invalidRequest, "\(field) must be 1 to \(maximumLength) characters without control characters", field: field)
        }
    }
}
