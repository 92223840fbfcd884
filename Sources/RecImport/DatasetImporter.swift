import Foundation
import RecCore

/// Reads a data set from disk into Core values, streaming each file line by line.
///
/// ```swift
/// let result = try DatasetImporter.read(folder, format: .movieLens100K)
/// print(result.interactions.count, result.rejected.first?.description ?? "no rejected rows")
/// ```
///
/// Malformed rows are skipped and listed in ``ImportResult/rejected``; problems with a whole file abort.
public enum DatasetImporter {
    /// Reads the data set at `url` in `format`.
    /// - Parameters:
    ///   - url: A folder for MovieLens and MovieTweetings, the file itself for event formats.
    ///   - format: How to read it; ``DatasetFormat/detect(in:)`` can choose it.
    ///   - progress: Called with phase `import <file name>` every 10,000 rows and once per finished file,
    ///     counting bytes read of the file's size.
    /// - Returns: Items, users, interactions and tags in file order, the scale, and every rejected row.
    /// - Throws: `ImportError`: `.fileNotFound` for a missing required file, `.unreadable`, `.emptyFile`
    ///   (no bytes or only a header), `.truncated` (last line cut off), `.wrongEncoding` (invalid UTF-8,
    ///   naming the line), `.badHeader`; each message names the file.
    /// - Complexity: O(total file size); memory grows with the rows kept, not with the file size.
    public static func read(
        _ url: URL, format: DatasetFormat, progress: ProgressHandler? = nil
    ) throws(ImportError) -> ImportResult {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw ImportError(.fileNotFound, "\(url.path): not found")
        }
        guard isDirectory.boolValue == format.isFolder else {
            let wanted = format.isFolder ? "a folder" : "a file"
            throw ImportError(.unreadable, "\(url.path): \(format) data must be \(wanted)")
        }
        switch format {
        case .movieLens100K: return try MovieLens100K.read(folder: url, progress: progress)
        case .movieLens1M: return try MovieLens1M.read(folder: url, progress: progress)
        case .movieLensLatest: return try MovieLensLatest.read(folder: url, progress: progress)
        case .movieTweetings: return try MovieTweetings.read(folder: url, progress: progress)
        case .csvEvents(let mapping): return try EventFile.readCSV(url, mapping: mapping, progress: progress)
        case .jsonLinesEvents(let mapping): return try EventFile.readJSONLines(url, mapping: mapping, progress: progress)
        }
    }

    /// Streams the valid events of a CSV events file to `body` one at a time, keeping none of them,
    /// so a caller can build a matrix of millions of rows without holding them all as ``Interaction``s.
    /// - Returns: every rejected row.
    /// - Throws: `ImportError` as ``read(_:format:progress:)`` for a CSV events file.
    /// - Complexity: O(file size) time; memory independent of the number of rows.
    public static func forEachCSVEvent(in url: URL, mapping: EventMapping, progress: ProgressHandler? = nil,
                                       _ body: (Interaction) -> Void) throws(ImportError) -> [RowError] {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw ImportError(.fileNotFound, "\(url.path): not found")
        }
        return try EventFile.forEachCSVEvent(url, mapping: mapping, progress: progress, body).rejected
    }

    /// Reads the data set at `url` in the format ``DatasetFormat/detect(in:)`` finds there.
    /// - Throws: `ImportError` `.unknownFormat` when no format fits, or any error of ``read(_:format:progress:)``.
    public static func read(_ url: URL, progress: ProgressHandler? = nil) throws(ImportError) -> ImportResult {
        try read(url, format: DatasetFormat.detect(in: url), progress: progress)
    }
}
