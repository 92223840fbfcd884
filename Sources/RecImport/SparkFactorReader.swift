import Foundation

/// Reads ALS factors as Apache Spark MLlib writes them: `ALSModel.userFactors` / `itemFactors`, rows of
/// `id` and `features` (an array of floats).
///
/// Accepted forms, for a file or a folder of Spark part files (`part-*`; `_SUCCESS` and `.crc` files are
/// skipped): JSON lines (`df.write.json`: `{"id":1,"features":[0.1,-0.2]}`) and CSV with a header `id,features`
/// whose features column is a JSON array (`1,"[0.1, -0.2]"`, as a Parquet table exported with pandas or
/// `spark.read.parquet(...).toPandas().to_csv()` writes it).
public enum SparkFactorReader {
    /// The vectors by id, as text (Spark's ids are integers; Marquee's are their decimal text).
    /// - Throws: ``ImportError`` naming the file, line and what was expected.
    public static func read(_ url: URL) throws(ImportError) -> [String: [Float]] {
        var factors: [String: [Float]] = [:]
        for file in try files(at: url) {
            let text: String
            do {
                text = try String(contentsOf: file, encoding: .utf8)
            } catch {
                throw ImportError(.unreadable, "\(file.path): cannot read as UTF-8 text", underlying: error)
            }
            var isCSV = false
            for (offset, line) in text.split(whereSeparator: \.isNewline).enumerated() {
                let number = offset + 1
                if number == 1, line.replacingOccurrences(of: " ", with: "") == "id,features" { isCSV = true; continue }
                let (id, vector) = try isCSV ? csvRow(line, file: file, line: number) : jsonRow(line, file: file, line: number)
                factors[id] = vector
            }
        }
        guard !factors.isEmpty else { throw ImportError(.emptyFile, "\(url.path): no factor rows") }
        return factors
    }

    private static func files(at url: URL) throws(ImportError) -> [URL] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw ImportError(.fileNotFound, "\(url.path): no such file or folder")
        }
        guard isDirectory.boolValue else { return [url] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { !$0.hasPrefix("_") && !$0.hasPrefix(".") && !$0.hasSuffix(".crc") }.sorted()
            .map { url.appendingPathComponent($0) }
    }

    private struct Row: Decodable {
        var id: Int64
        var features: [Float]
    }

    private static func jsonRow(_ line: Substring, file: URL, line number: Int) throws(ImportError) -> (String, [Float]) {
        do {
            let row = try JSONDecoder().decode(Row.self, from: Data(line.utf8))
            return (String(row.id), row.features)
        } catch {
            throw ImportError(.badRow, "\(file.lastPathComponent):\(number): expected {\"id\": integer, \"features\": [numbers]}, got \(line.prefix(80))",
                              underlying: error)
        }
    }

    private static func csvRow(_ line: Substring, file: URL, line number: Int) throws(ImportError) -> (String, [Float]) {
        guard let comma = line.firstIndex(of: ","), let id = Int64(line[..<comma].trimmingCharacters(in: .whitespaces)) else {
            throw ImportError(.badRow, "\(file.lastPathComponent):\(number): field 'id': expected an integer, got \(line.prefix(80))")
        }
        let features = line[line.index(after: comma)...].trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
        guard let vector = try? JSONDecoder().decode([Float].self, from: Data(features.utf8)) else {
            throw ImportError(.badRow, "\(file.lastPathComponent):\(number): field 'features': expected a JSON array of numbers, got \(features.prefix(80))")
        }
        return (String(id), vector)
    }
}
