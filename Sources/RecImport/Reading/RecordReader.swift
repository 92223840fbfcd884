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
    private let encoding: TextEncoding
    /// Whether the row read last ended with a line break (only the file's last line may lack one).
    private var isRecordTerminated = true

    /// Opens `url`.
    /// - Throws: `ImportError` `.fileNotFound` or `.unreadable`.
    init(url: URL, dialect: Dialect, encoding: TextEncoding, progress: ProgressHandler?) throws(ImportError) {
        lines = try LineReader(url: url)
        self.dialect = dialect
        if case .separated(by: let text) = dialect { separator = Array(text.utf8) } else { separator = [] }
        self.progress = progress
        self.encoding = encoding
    }

    /// Reads the first row as a header.
    /// - Throws: `ImportError` `.emptyFile` when the file has no rows at all, or an encoding error.
    func readHeader() throws(ImportError) -> [String] {
        var record = makeRecord()
        guard try readRecord(into: &record) else { throw ImportError(.emptyFile, "\(name): file is empty") }
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
        var record = makeRecord()
        while try readRecord(into: &record) {
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

    /// An empty record for this file, whose buffers the rows read into it reuse.
    private func makeRecord() -> Record {
        Record(context: RowContext(file: name, line: 0), encoding: encoding)
    }

    /// Reads the next non-blank row into `record`; `false` at the end of the file.
    private func readRecord(into record: inout Record) throws(ImportError) -> Bool {
        var isStarted = false
        while true {
            let outcome = try lines.nextLine { line, isTerminated throws(ImportError) -> LineOutcome in
                guard encoding.isValid(line) else {
                    throw ImportError(.wrongEncoding, "\(name):\(lines.lineNumber): not valid UTF-8; save the file as UTF-8")
                }
                isRecordTerminated = isTerminated
                if !isStarted {
                    if line.isEmpty { return .blank }
                    record.reset(line: lines.lineNumber)
                    isStarted = true
                }
                switch dialect {
                case .separated:
                    record.appendFields(of: line, separatedBy: separator)
                    return .rowComplete
                case .lines:
                    record.appendField(line)
                    return .rowComplete
                case .csv:
                    return record.appendCSV(line) ? .rowComplete : .rowContinues
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
}
