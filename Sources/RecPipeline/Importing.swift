import Foundation
import RecCore
import RecImport
import RecStore

/// What `marquee import` did.
public struct ImportSummary: Sendable {
    /// The format read.
    public var format: DatasetFormat
    /// Where from.
    public var source: URL
    /// Rows read and rejected per file.
    public var files: [ImportResult.FileSummary]
    /// Rows parsed (before deduplication by the store).
    public var parsed: StoreWriteSummary
    /// Rows the store did not have before.
    public var written: StoreWriteSummary
    /// Every rejected row; nothing was written when `strict` was set and this is non-empty.
    public var rejected: [RowError]

    /// How many rejected rows a summary lists.
    public static let listedErrorLimit = 20

    /// A few lines for people: counts, then the first ``listedErrorLimit`` rejected rows.
    public var text: String {
        var lines = ["imported \(format) from \(source.path)",
                     "  read: \(parsed.interactions) interactions, \(parsed.items) items, \(parsed.users) users, \(parsed.tags) tags",
                     "  new:  \(written.interactions) interactions, \(written.items) items, \(written.users) users, \(written.tags) tags",
                     "  rejected rows: \(rejected.count)"]
        lines += rejected.prefix(Self.listedErrorLimit).map { "  \($0)" }
        if rejected.count > Self.listedErrorLimit { lines.append("  … and \(rejected.count - Self.listedErrorLimit) more") }
        return lines.joined(separator: "\n")
    }
}

/// `marquee import`: reads a data set and writes it to a store in one transaction.
public enum Importing {
    /// Reads `source` (a data set folder, or a CSV / JSON Lines events file) and writes every valid row.
    ///
    /// Bad rows are skipped and listed in the summary; with `strict`, any bad row rejects the whole
    /// import and nothing is written. Re-importing the same data adds nothing.
    ///
    /// - Parameters:
    ///   - source: folder or file.
    ///   - format: the format, or `nil` to detect it from the folder's files.
    ///   - strict: reject everything if any row is bad.
    ///   - store: where to write.
    /// - Throws: ``ImportError`` for unreadable input or (strict) rejected rows; ``PipelineError`` if the
    ///   store already holds ratings on another scale; store errors.
    public static func run(_ source: URL, format: DatasetFormat? = nil, strict: Bool = false, store: any Store,
                           progress: ProgressHandler? = nil) async throws -> ImportSummary {
        let format = try format ?? DatasetFormat.detect(in: source)
        let result = try DatasetImporter.read(source, format: format, progress: progress)
        if strict, !result.rejected.isEmpty {
            let listed = result.rejected.prefix(ImportSummary.listedErrorLimit).map { "\n  \($0)" }.joined()
            throw ImportError(.rejectedRows, "--strict: \(result.rejected.count) rows rejected, nothing imported:\(listed)")
        }
        let recorded = try await store.recordedRatingScale()
        if let recorded, recorded != result.scale {
            throw PipelineError(.invalidArgument,
                                "the store holds ratings on the scale \(recorded); this import is on \(result.scale). Use a separate --database: scales are never mixed or rescaled")
        }
        let batch = StoreBatch(items: result.items, users: result.users, interactions: result.interactions, tags: result.tags)
        let written = try await store.write(batch)
        if recorded == nil { try await store.recordRatingScale(result.scale) }
        return ImportSummary(format: format, source: source, files: result.files,
                             parsed: StoreWriteSummary(items: batch.items.count, users: batch.users.count,
                                                       interactions: batch.interactions.count, tags: batch.tags.count),
                             written: written, rejected: result.rejected)
    }
}
