import Foundation

/// The JSON form in which stores keep a list of names in one text column (an item's `genres` and
/// `keywords`): `["Animation","Comedy"]`, `[]` when empty. Shared by every store.
package enum StringListColumn {
    /// The empty list as stored.
    package static let empty = "[]"

    /// `names` as a JSON array.
    package static func encode(_ names: [String]) -> String {
        // Encoding an array of strings cannot fail.
        String(decoding: (try? JSONEncoder().encode(names)) ?? Data(empty.utf8), as: UTF8.self)
    }

    /// The names stored as `json` in `column` of the items row `item`.
    /// - Throws: `StoreError` `.invalidValue` naming the row, the column and the text found.
    package static func decode(_ json: String, column: String, item: String) throws -> [String] {
        do {
            return try JSONDecoder().decode([String].self, from: Data(json.utf8))
        } catch {
            throw StoreError(.invalidValue, "items row \(item): \(column) is \(json); expected a JSON array of strings",
                             underlying: error)
        }
    }
}
