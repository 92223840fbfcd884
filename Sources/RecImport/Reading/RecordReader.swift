import Foundation
import RecCore

/// Streams the rows of one delimited file: splits fields, checks the encoding and the field count,
/// collects rejected rows, reports progress, and aborts on an empty, truncated or wrongly encoded file.
///
/// Not `Sendable`: it owns a ``LineReader``; one import task uses it and drops it.
final class RecordReader {
    /// How fields are delimited.
    enum Dialect: Sendable {
        /// Split at every occurrence of a separator, no quoting: MovieLens `u.data` (tab), `u.item` (`|`),
        /// `.dat` files (`::`).
        case separated(by: String)
        /// RFC 4180: comma-separated, fields optionally in double quotes, `""` for a quote inside one,
        /// commas and line breaks allowed inside quotes.
        case csv
        /// The whole line is the one field: JSON Lines.
        case lines

        /// How a message names the separator, e.g. `tabs`, `"::"`.
        var separatorName: String {
            switch self {
            case .separated(by: "\t"): "tabs"
            case .separated(by: let separator): separator.debugDescription
            case .csv: "commas"
            case .lines: "line breaks"
            }
        }

        /// The text placed between fields when a row is shown in a message.
        var rowSeparator: String {
            switch self {
            case .separated(by: let separator): separator
            case .csv: ","
            case .lines: ""
            }
        }
    }

    /// How often, in rows, progress is reported.
    static let progressInterval = 10_000

    /// The file's name.
    var name: String { lines.name }
    /// Data rows read so far, rejected ones included; the header and blank lines are not rows.
    private(set) var rowsRead = 0
    /// Every row skipped so far, in file order.
    private(set) var rejected: [RowError] = []

    private let lines: LineReader
    private let dialect: Dialect
    private let separator: [UInt8]
    private let progress: ProgressHandler?
    private var record: Record
    /// Whether the row read last ended with a line break (only the file's last line may lack one).
    private var isRecordTerminated = true
    /// Whether a CSV field is open in double quotes at the end of the line read last.
    private var isInQuotes = false
    /// Where the CSV field being read starts in `record.bytes`.
    private var fieldStart = 0

    /// Opens `url`.
    /// - Throws: `ImportError` `.fileNotFound` or `.unreadable`.
    init(url: URL, dialect: Dialect, encoding: TextEncoding, progress: ProgressHandler?) throws(ImportError) {
        lines = try LineReader(url: url)
        self.dialect = dialect
        if case .separated(by: let text) = dialect { separator = Array(text.utf8) } else { separator = [] }
        self.progress = progress
        record = Record(context: RowContext(file: lines.name, line: 0), encoding: encoding)
    }

    /// Reads the first row as a header.
    /// - Throws: `ImportError` `.emptyFile` when the file has no rows at all, or an encoding error.
    func readHeader() throws(ImportError) -> [String] {
        guard try readRecord() else { throw ImportError(.emptyFile, "\(name): file is empty") }
        return record.texts
    }

    /// Calls `body` with each remaining row that has `fieldCount` fields, and records the rows that don't
    /// and those `body` rejects.
    ///
    /// A row that fails as a whole (wrong field count, or a row-level ``RowError`` from `body`) on a last
    /// line without a line break means the file was cut off: that aborts instead of being skipped.
    /// - Throws: `ImportError` `.emptyFile` when there is no data row, `.truncated` as above or for a quote
    ///   left open at the end, `.wrongEncoding` at the first invalid line.
    /// - Complexity: O(file size); memory is the longest row plus whatever `body` keeps.
    func forEachRow(fieldCount: Int, _ body: (Record) throws(RowError) -> Void) throws(ImportError) {
        while try readRecord() {
            rowsRead += 1
            do throws(RowError) {
                guard record.count == fieldCount else {
                    throw record.context.error(
                        nil, expected: "\(fieldCount) fields separated by \(dialect.separatorName)",
                        found: record.texts.joined(separator: dialect.rowSeparator))
                }
                try body(record)
            } catch {
                guard isRecordTerminated || error.field != nil else {
                    throw ImportError(.truncated, """
                        \(name):\(error.line): file looks truncated: the last line has no line break and is \
                        incomplete (expected \(error.expected), got \(error.found.debugDescription))
                        """)
                }
                rejected.append(error)
            }
            if rowsRead % Self.progressInterval == 0 { reportProgress() }
        }
        guard rowsRead > 0 else {
            throw ImportError(.emptyFile, "\(name): file is empty (no data rows)")
        }
        reportProgress()
    }

    /// This file's row counts.
    var summary: ImportResult.FileSummary {
        ImportResult.FileSummary(name: name, rowsRead: rowsRead, rowsRejected: rejected.count)
    }

    private func reportProgress() {
        progress?(TaskProgress(phase: "import \(name)", completed: lines.bytesConsumed, total: lines.size))
    }

    /// What one physical line did to the row being read.
    private enum LineOutcome {
        case blank, rowComplete, rowContinues
    }

    /// Reads the next non-blank row into `record`; `false` at the end of the file.
    private func readRecord() throws(ImportError) -> Bool {
        var isStarted = false
        while true {
            let outcome = try lines.nextLine { line, isTerminated throws(ImportError) -> LineOutcome in
                guard record.encoding.isValid(line) else {
                    throw ImportError(.wrongEncoding, "\(name):\(lines.lineNumber): not valid UTF-8; save the file as UTF-8")
                }
                isRecordTerminated = isTerminated
                if !isStarted {
                    if line.isEmpty { return .blank }
                    record.reset(line: lines.lineNumber)
                    isStarted = true
                    isInQuotes = false
                    fieldStart = 0
                }
                switch dialect {
                case .separated:
                    split(line)
                    return .rowComplete
                case .lines:
                    record.appendField(line)
                    return .rowComplete
                case .csv:
                    return appendCSV(line) ? .rowComplete : .rowContinues
                }
            }
            switch outcome {
            case nil:
                guard !isStarted else {
                    throw ImportError(.truncated, """
                        \(name):\(record.context.line): file looks truncated: a quoted field opened on this line \
                        is never closed
                        """)
                }
                return false
            case .blank?, .rowContinues?:
                continue
            case .rowComplete?:
                return true
            }
        }
    }

    /// Splits `line` at every separator into `record`'s fields.
    private func split(_ line: UnsafeBufferPointer<UInt8>) {
        let first = separator[0]
        let width = separator.count
        var fieldStart = 0
        var index = 0
        while index < line.count {
            if line[index] == first, width == 1 || (index + 1 < line.count && line[index + 1] == separator[1]) {
                record.appendField(UnsafeBufferPointer(rebasing: line[fieldStart..<index]))
                index += width
                fieldStart = index
            } else {
                index += 1
            }
        }
        record.appendField(UnsafeBufferPointer(rebasing: line[fieldStart..<line.count]))
    }

    /// Parses `line` as (the next part of) an RFC 4180 row into `record`.
    /// - Returns: `false` when a quoted field stays open at the end of the line, so the row continues on
    ///   the next line (the line break belongs to the field).
    private func appendCSV(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ",")
        var index = 0
        while index < line.count {
            if isInQuotes {
                var runEnd = index
                while runEnd < line.count, line[runEnd] != quote { runEnd += 1 }
                record.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: line[index..<runEnd]))
                index = runEnd
                guard index < line.count else { break }
                if index + 1 < line.count, line[index + 1] == quote {
                    record.bytes.append(quote)
                    index += 2
                } else {
                    isInQuotes = false
                    index += 1
                }
            } else if line[index] == comma {
                record.closeField(from: fieldStart)
                fieldStart = record.bytes.count
                index += 1
            } else if line[index] == quote, record.bytes.count == fieldStart {
                isInQuotes = true
                index += 1
            } else {
                var runEnd = index + 1
                while runEnd < line.count, line[runEnd] != comma, line[runEnd] != quote { runEnd += 1 }
                record.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: line[index..<runEnd]))
                index = runEnd
            }
        }
        if isInQuotes {
            record.bytes.append(UInt8(ascii: "\n"))
            return false
        }
        record.closeField(from: fieldStart)
        return true
    }
}
