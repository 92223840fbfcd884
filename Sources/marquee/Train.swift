import ArgumentParser
import RecPipeline
import RecStore

/// `marquee train`: fits a model on the store's data and saves it.
struct Train: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train a model on everything imported and save it.",
        discussion: """
            --task rating trains the rating model `recommend` uses; --task topn trains the top-N model \
            `serve` uses (a running server also retrains in the background).
            """)

    @OptionGroup var store: StoreOptions

    @Option(help: "rating (explicit ratings) or topn (positive feedback, what the server serves).")
    var task: Task = .rating

    @Option(help: "Algorithm. Rating: \(RatingAlgorithm.allCases.map(\.rawValue).joined(separator: ", ")) (default biased-mf). Top-N: \(TopNAlgorithm.allCases.map(\.rawValue).joined(separator: ", ")) (default als).")
    var algorithm: String?

    func validate() throws {
        guard let algorithm else { return }
        switch task {
        case .rating where RatingAlgorithm(rawValue: algorithm) == nil:
            throw ValidationError("algorithm '\(algorithm)' is not a rating algorithm; expected one of \(RatingAlgorithm.allCases.map(\.rawValue).joined(separator: ", "))")
        case .topn where TopNAlgorithm(rawValue: algorithm) == nil:
            throw ValidationError("algorithm '\(algorithm)' is not a top-N algorithm; expected one of \(TopNAlgorithm.allCases.map(\.rawValue).joined(separator: ", "))")
        default: break
        }
    }

    func run() async throws {
        let progress = ProgressPrinter()
        try await store.location().withStore { database in try await train(database, progress: progress) }
    }

    private func train(_ database: any Store, progress: ProgressPrinter) async throws {
        switch task {
        case .rating:
            let summary = try await Training.train(RatingAlgorithm(rawValue: algorithm ?? "") ?? .biasedMF, store: database,
                                                   progress: progress.handler)
            progress.finish()
            print("trained \(summary.algorithm.rawValue) v\(summary.version) on \(summary.ratingCount) ratings in \(TextTable.seconds(summary.fitSeconds))")
        case .topn:
            let summary = try await TopNTraining.train(TopNAlgorithm(rawValue: algorithm ?? "") ?? .als, store: database,
                                                       progress: progress.handler)
            progress.finish()
            print("trained \(summary.algorithm.storedName) v\(summary.version) on \(summary.positiveCount) positives in \(TextTable.seconds(summary.fitSeconds))")
        }
    }
}
