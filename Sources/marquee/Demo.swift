import ArgumentParser
import RecPipeline
import RecStoreSQLite

/// `marquee demo`: the bundled MovieTweetings sample end to end.
struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import the bundled demo data (once), train (once) and show recommendations for a sample user.")

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let progress = ProgressPrinter()
        let report = try await Demonstration.run(store: try SQLiteStore(path: store.database), progress: progress.handler)
        progress.finish()
        print(report.text)
    }
}
