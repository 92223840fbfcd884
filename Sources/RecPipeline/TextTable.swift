/// Plain-text tables for command output: columns padded to their widest cell, numbers right-aligned.
public struct TextTable: Sendable, Hashable {
    /// Column titles.
    public var header: [String]
    /// Cells, one array per row; a row shorter than the header is padded with blanks.
    public var rows: [[String]]

    /// Creates a table.
    public init(header: [String], rows: [[String]] = []) {
        self.header = header
        self.rows = rows
    }

    /// The table as lines: header, a rule of dashes, then the rows.
    public var text: String {
        let columns = header.count
        let cells = ([header] + rows).map { row in (0..<columns).map { $0 < row.count ? row[$0] : "" } }
        let widths = (0..<columns).map { column in cells.map { $0[column].count }.max() ?? 0 }
        func line(_ row: [String]) -> String {
            zip(row, widths).enumerated().map { column, pair in
                let padding = String(repeating: " ", count: pair.1 - pair.0.count)
                return column > 0 && Double(pair.0.filter { $0 != "×" && $0 != "%" }) != nil
                    ? padding + pair.0 : pair.0 + padding
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([line(cells[0]), rule] + cells.dropFirst().map(line)).joined(separator: "\n")
    }

    /// `1.234 s` from one second up, `12 ms` below.
    public static func seconds(_ seconds: Double) -> String {
        seconds >= 1 ? fixed(seconds, digits: 3) + " s" : "\(Int((seconds * 1000).rounded())) ms"
    }

    /// `value` with exactly `digits` decimals, e.g. `fixed(0.91234, digits: 4) == "0.9123"`.
    public static func fixed(_ value: Double, digits: Int) -> String {
        guard value.isFinite else { return "\(value)" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = Int64((abs(value) * scale).rounded())
        let whole = scaled / Int64(scale), fraction = String(scaled % Int64(scale))
        let sign = value < 0 && scaled != 0 ? "-" : ""
        guard digits > 0 else { return sign + String(whole) }
        return sign + String(whole) + "." + String(repeating: "0", count: digits - fraction.count) + fraction
    }
}

private extension String {
    func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
