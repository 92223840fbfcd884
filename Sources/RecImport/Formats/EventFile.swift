import Foundation
import RecCore

/// Reads one file of events, CSV with a header or JSON Lines, through an ``EventMapping``.
enum EventFile {
    /// Reads the RFC 4180 CSV file at `url`; its header must name the mapping's `user` and `item` columns.
    /// - Throws: `ImportError` `.badHeader` when it doesn't, or any file-level error.
    static func readCSV(_ url: URL, mapping: EventMapping, progress: ProgressHandler?) throws(ImportError) -> ImportResult {
        var result = ImportResult(format: .csvEvents(mapping))
        var interactions: [Interaction] = []
        let reader = try forEachCSVEvent(url, mapping: mapping, progress: progress) { interactions.append($0) }
        result.interactions = interactions
        result.addSummary(of: reader)
        return result
    }

    /// Reads the CSV file at `url` row by row, handing each valid event to `body` without keeping it.
    /// - Returns: the reader, for its summary of rows read and rejected.
    /// - Throws: `ImportError` `.badHeader` when the header lacks the id columns, or any file-level error.
    static func forEachCSVEvent(_ url: URL, mapping: EventMapping, progress: ProgressHandler?,
                                _ body: (Interaction) -> Void) throws(ImportError) -> RecordReader {
        let reader = try RecordReader(url: url, dialect: .csv, encoding: .utf8, progress: progress)
        let header = try reader.readHeader()
        var columns: [EventMapping.Field: Int] = [:]
        for field in EventMapping.Field.allCases {
            columns[field] = header.firstIndex(of: mapping[field])
        }
        for field in [EventMapping.Field.user, .item] where columns[field] == nil {
            throw ImportError(.badHeader, """
                \(reader.name):1: no column "\(mapping[field])" for the \(field.rawValue) id in the header \
                \(header.joined(separator: ",").debugDescription); name it with \(field.rawValue)=<column>
                """)
        }
        try reader.forEachRow(fieldCount: header.count) { row throws(RowError) in
            func text(_ field: EventMapping.Field) -> String? { columns[field].map(row.text) }
            body(try mapping.interaction(
                user: text(.user), item: text(.item), rating: text(.rating), timestamp: text(.timestamp),
                kind: text(.kind), at: row.context))
        }
        return reader
    }

    /// Reads the JSON Lines file at `url`: one object per line, ids and numbers as JSON strings or numbers.
    static func readJSONLines(_ url: URL, mapping: EventMapping, progress: ProgressHandler?) throws(ImportError) -> ImportResult {
        var result = ImportResult(format: .jsonLinesEvents(mapping))
        let reader = try RecordReader(url: url, dialect: .lines, encoding: .utf8, progress: progress)
        var interactions: [Interaction] = []
        try reader.forEachRow(fieldCount: 1) { row throws(RowError) in
            let line = row.text(0)
            let parsed = try? JSONSerialization.jsonObject(with: Data(line.utf8))
            guard let object = parsed as? [String: Any] else {
                throw row.context.error(nil, expected: "a JSON object", found: line)
            }
            func text(_ field: EventMapping.Field) throws(RowError) -> String? {
                let key = mapping[field]
                switch object[key] {
                case nil, is NSNull: return nil
                case let string as String: return string
                case let number as NSNumber: return number.stringValue
                case let other?:
                    let json = try? JSONSerialization.data(withJSONObject: other, options: [.fragmentsAllowed, .sortedKeys])
                    throw row.context.error(key, expected: "a string or number",
                                            found: json.map { String(decoding: $0, as: UTF8.self) } ?? "\(other)")
                }
            }
            interactions.append(try mapping.interaction(
                user: text(.user), item: text(.item), rating: text(.rating), timestamp: text(.timestamp),
                kind: text(.kind), at: row.context))
        }
        result.interactions = interactions
        result.addSummary(of: reader)
        return result
    }
}
