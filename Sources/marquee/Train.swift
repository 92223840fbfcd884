import ArgumentParser
import RecPipeline
import RecStoreSQLite

/// `marquee train`: fits a model on the store's ratings and saves it.
struct Train: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Train a rating model on everything imported and save it.")

    @OptionGroup var store: StoreOptions

    @Option(help: "Algorithm: \(RatingAlgorithm.allCases.map(\.rawValue).joined(separator: ", ")).")
    var algorithm: RatingAlgorithm = .biasedMF

    func run() async throws {
        let progress = ProgressPrinter()
        let summary = try await Training.train(algorithm, store: try SQLiteStore(path: store.database),
                                               progress: progress.handler)
        progress.finish()
        print("trained \(summary.algorithm.rawValue) v\(summary.version) on \(summary.ratingCount) ratings in \(TextTable.seconds(summary.fitSeconds))")
    }
}
