/// A MovieLens-style title split into name and year: `"Toy Story (1995)"` → `"Toy Story"`, 1995.
///
/// Surrounding spaces are dropped first, since some titles end in `"(2006) "`. A title without a trailing
/// four-digit year in parentheses (`"unknown"`, `"Babylon 5"`) is kept whole with no year.
struct MovieTitle: Sendable, Hashable {
    /// The title without the year.
    var title: String
    /// The release year, when the title ends with one.
    var year: Int?

    /// Splits `text`.
    init(parsing text: String) {
        let trimmed = text.trimmingSpaces
        let characters = Array(trimmed.utf8)
        let count = characters.count
        let isDigit = { (byte: UInt8) in (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
        guard count >= 6, characters[count - 6] == UInt8(ascii: "("), characters[count - 1] == UInt8(ascii: ")"),
              characters[(count - 5)..<(count - 1)].allSatisfy(isDigit),
              let year = Int(String(decoding: characters[(count - 5)..<(count - 1)], as: UTF8.self))
        else {
            title = trimmed
            self.year = nil
            return
        }
        title = String(decoding: characters[..<(count - 6)], as: UTF8.self).trimmingSpaces
        self.year = year
    }
}

extension String {
    /// The string without leading and trailing spaces.
    fileprivate var trimmingSpaces: String {
        guard let first = firstIndex(where: { $0 != " " }), let last = lastIndex(where: { $0 != " " }) else { return "" }
        return String(self[first...last])
    }
}
