import RecCore

/// Where a row is; turns its field texts into values, or into a ``RowError`` naming file, line and field.
struct RowContext: Sendable {
    /// The file's name.
    var file: String
    /// The 1-based line the row starts on.
    var line: Int

    /// A ``RowError`` for `field` at this row.
    func error(_ field: String?, expected: String, found: String) -> RowError {
        RowError(file: file, line: line, field: field, expected: expected, found: found)
    }

    /// `text` as an id; ids are opaque but must not be empty.
    func id(_ text: String, field: String) throws(RowError) -> String {
        guard !text.isEmpty else { throw error(field, expected: "a non-empty id", found: text) }
        return text
    }

    /// `text` as a whole number.
    func integer(_ text: String, field: String) throws(RowError) -> Int {
        guard let value = Self.parseInteger(text), let small = Int(exactly: value) else {
            throw error(field, expected: "a whole number", found: text)
        }
        return small
    }

    /// `text` as Unix seconds.
    func timestamp(_ text: String, field: String) throws(RowError) -> Int64 {
        guard let value = Self.parseInteger(text) else {
            throw error(field, expected: "Unix seconds (a whole number)", found: text)
        }
        return value
    }

    /// `text` as a rating on `scale`.
    func rating(_ text: String, field: String, scale: RatingScale) throws(RowError) -> Float {
        guard let value = Self.parseNumber(text), scale.contains(value) else {
            throw error(field, expected: "a number in \(scale)", found: text)
        }
        return value
    }

    /// `text` as any finite number (an implicit event's weight).
    func number(_ text: String, field: String) throws(RowError) -> Float {
        guard let value = Self.parseNumber(text), value.isFinite else {
            throw error(field, expected: "a number", found: text)
        }
        return value
    }

    /// Parses an optionally signed run of ASCII digits, without allocating; `nil` on anything else or overflow.
    static func parseInteger(_ text: String) -> Int64? {
        var text = text
        return text.withUTF8 { bytes -> Int64? in
            var index = 0
            var isNegative = false
            if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
                isNegative = first == UInt8(ascii: "-")
                index = 1
            }
            guard index < bytes.count else { return nil }
            var value: Int64 = 0
            while index < bytes.count {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = times10.addingReportingOverflow(Int64(digit))
                guard !overflow1, !overflow2 else { return nil }
                value = sum
                index += 1
            }
            return isNegative ? -value : value
        }
    }

    /// Parses a decimal number such as `4`, `4.5` or `-0.5e1`; `nil` when `text` is not one.
    ///
    /// Unlike `Float(_:)` it rejects hexadecimal, `nan`, `inf` and surrounding spaces, which no data set
    /// means as a rating.
    static func parseNumber(_ text: String) -> Float? {
        var text = text
        let isDecimal = text.withUTF8 { bytes -> Bool in
            guard !bytes.isEmpty else { return false }
            var sawDigit = false
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): sawDigit = true
                case UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "e"), UInt8(ascii: "E"):
                    continue
                default: return false
                }
            }
            return sawDigit
        }
        return isDecimal ? Float(text) : nil
    }
}
