import Foundation

extension DatasetFormat {
    /// Finds the format of the data at `url` from the files present and their first lines.
    ///
    /// - A folder with `u.data` and `u.item` is MovieLens 100K; with `ratings.csv` and `movies.csv`,
    ///   MovieLens latest. With `ratings.dat` and `movies.dat` it is MovieTweetings when the movie ids on the
    ///   first lines are 7-digit IMDb numbers (MovieLens 1M ids have at most 4 digits), else MovieLens 1M.
    /// - A file ending in `.csv` is CSV events, `.jsonl` or `.ndjson` JSON Lines events, with the default
    ///   ``EventMapping``.
    ///
    /// To force a format, pass it to ``DatasetImporter/read(_:format:progress:)`` instead.
    /// - Throws: `ImportError` `.fileNotFound` when `url` doesn't exist, `.unknownFormat` with a one-line
    ///   message listing what was looked for.
    /// - Complexity: reads at most the first few lines of `movies.dat` and `ratings.dat`.
    public static func detect(in url: URL) throws(ImportError) -> DatasetFormat {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw ImportError(.fileNotFound, "\(url.path): not found")
        }
        guard isDirectory.boolValue else {
            switch url.pathExtension.lowercased() {
            case "csv": return .csvEvents(EventMapping())
            case "jsonl", "ndjson": return .jsonLinesEvents(EventMapping())
            default:
                throw ImportError(.unknownFormat, """
                    \(url.path): unknown event file type; expected a .csv, .jsonl or .ndjson file, or a data set folder
                    """)
            }
        }
        func has(_ names: String...) -> Bool {
            names.allSatisfy { FileManager.default.fileExists(atPath: url.appendingPathComponent($0).path) }
        }
        if has("u.data", "u.item") { return .movieLens100K }
        if has("ratings.csv", "movies.csv") { return .movieLensLatest }
        if has("ratings.dat", "movies.dat") {
            return try hasIMDbMovieIDs(url) ? .movieTweetings : .movieLens1M
        }
        throw ImportError(.unknownFormat, """
            \(url.path): no known data set; looked for u.data + u.item (MovieLens 100K), ratings.dat + movies.dat \
            (MovieLens 1M, MovieTweetings), ratings.csv + movies.csv (MovieLens latest)
            """)
    }

    /// Whether the first rows of `movies.dat` and `ratings.dat` in `folder` carry 7-digit movie ids.
    private static func hasIMDbMovieIDs(_ folder: URL) throws(ImportError) -> Bool {
        let ids = try sampleColumn(0, of: folder.appendingPathComponent("movies.dat"))
            + sampleColumn(1, of: folder.appendingPathComponent("ratings.dat"))
        return ids.contains { $0.utf8.count >= 7 }
    }

    /// Field `column` of the first five non-blank `::`-separated lines of `url`.
    private static func sampleColumn(_ column: Int, of url: URL) throws(ImportError) -> [String] {
        let lines = try LineReader(url: url)
        var values: [String] = []
        while values.count < 5, let line = try lines.nextLine({ bytes, _ in String(decoding: bytes, as: UTF8.self) }) {
            guard !line.isEmpty else { continue }
            let fields = line.components(separatedBy: "::")
            guard fields.count > column else {
                throw ImportError(.unknownFormat, """
                    \(lines.name):\(lines.lineNumber): expected fields separated by "::" as in MovieLens 1M or \
                    MovieTweetings, got \(String(line.prefix(80)).debugDescription)
                    """)
            }
            values.append(fields[column])
        }
        return values
    }
}
