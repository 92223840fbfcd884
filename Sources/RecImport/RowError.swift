/// One row an import skipped, with where it is and what was wrong, so that the user can fix the file.
///
/// Its ``description`` is one line naming file, line, field, what was expected and what was found:
///
/// ```
/// u.data:17: field 'rating': expected a number in [1, 5], got "x"
/// ratings.dat:3: expected 4 fields separated by "::", got "1::1193::5"
/// ```
public struct RowError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file's name, e.g. `"u.data"`.
    public var file: String
    /// The 1-based line the row starts on.
    public var line: Int
    /// The field at fault, or `nil` when the row as a whole is malformed (wrong field count, not JSON).
    public var field: String?
    /// What the field or row should have been, e.g. `"a number in [1, 5]"`.
    public var expected: String
    /// The text found instead (the whole row when ``field`` is `nil`).
    public var found: String

    /// Creates a row error.
    public init(file: String, line: Int, field: String?, expected: String, found: String) {
        self.file = file
        self.line = line
        self.field = field
        self.expected = expected
        self.found = found
    }

    /// `file:line: field 'name': expected …, got "…"`, with the found text quoted, escaped and cut
    /// to its first 80 characters.
    public var description: String {
        let shown = found.count > 80 ? String(found.prefix(80)) + "…" : found
        let place = field.map { "\(file):\(line): field '\($0)'" } ?? "\(file):\(line)"
        return "\(place): expected \(expected), got \(shown.debugDescription)"
    }
}
