import ArgumentParser
import Foundation
import RecImport
import RecPipeline

/// `marquee import`: a data set folder or an events file into the store.
struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import ratings, movies, users and tags into the database.",
        discussion: """
            SOURCE is a data set folder (MovieLens 100K/1M/latest, MovieTweetings: detected from its files) \
            or a CSV / JSON Lines file of events (user,item[,rating][,timestamp][,kind]). Bad rows are \
            skipped and listed, and the command then exits with status 1; with --strict nothing is written.
            """)

    @OptionGroup var store: StoreOptions

    @Argument(help: "Data set folder or events file.")
    var source: String

    @Option(help: "Format instead of detection: ml-100k, ml-1m, ml-latest, movietweetings, csv, jsonl.")
    var format: String?

    @Option(help: "For csv/jsonl: columns as name=column pairs, e.g. user=uid,item=movie,rating=stars.")
    var columns: String?

    @Option(help: "For csv/jsonl: the rating scale as MIN-MAX or MIN-MAX/STEP, e.g. 0.5-5/0.5.")
    var scale: String?

    @Flag(help: "Reject the whole import if any row is bad.")
    var strict = false

    func validate() throws {
        do {
            _ = try parsedFormat()
        } catch {
            throw ValidationError("\(error)")
        }
    }

    private func parsedFormat() throws -> DatasetFormat? {
        try format.map { try DatasetFormat(parsing: $0, columns: columns, scale: scale) }
    }

    func run() async throws {
        let progress = ProgressPrinter()
        let format = try parsedFormat()
        let summary = try await store.location().withStore { database in
            try await Importing.run(URL(fileURLWithPath: source), format: format, strict: strict, store: database,
                                    progress: progress.handler)
        }
        progress.finish()
        print(summary.text)
        if !summary.rejected.isEmpty { throw ExitCode(1) }
    }
}
