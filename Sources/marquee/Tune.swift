import ArgumentParser
import RecEvaluation
import RecPipeline

/// `marquee tune`: top-N hyperparameter search on a validation split of the training data.
struct Tune: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Tune top-N hyperparameters on validation data carved from training; report the test score once.",
        discussion: "Example: marquee tune --dataset ml-100k --protocol p1-temporal --algorithm all --search random --trials 20")

    @Option(help: "Data set folder inside the data location.")
    var dataset = "ml-100k"

    @Option(help: "Protocol of the test split: p1-temporal, loo, random, randomN.")
    var `protocol` = "p1-temporal"

    @Option(help: "A top-N algorithm (\(TopNAlgorithm.allCases.map(\.rawValue).joined(separator: ", "))) or all.")
    var algorithm = "all"

    @Option(help: "grid (every candidate) or random (seeded sample, stops early without improvement).")
    var search = "grid"

    @Option(help: "Random search: how many candidates to try.")
    var trials = 20

    @Option(help: "Random search: stop after this many trials in a row without a better validation score.")
    var patience = 8

    @Option(help: "Random search: seed of the sample.")
    var seed: UInt64 = 0

    @Flag(help: "Score candidates from unweighted histories only (no recency-weighted trials), as implicit is tuned.")
    var noHistoryWeighting = false

    @Option(help: "Folder holding the data sets (default: $MARQUEE_DATA, else ../shared/data).")
    var data: String?

    func validate() throws {
        do {
            _ = try TopNProtocol(parsing: `protocol`)
        } catch {
            throw ValidationError("\(error)")
        }
        guard algorithm == "all" || TopNAlgorithm(rawValue: algorithm) != nil else {
            throw ValidationError("algorithm '\(algorithm)' is not a top-N algorithm; expected all or one of \(TopNAlgorithm.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard search == "grid" || search == "random" else { throw ValidationError("--search must be grid or random, got '\(search)'") }
        guard trials > 0, patience > 0 else { throw ValidationError("--trials and --patience must be at least 1") }
    }

    func run() async throws {
        let progress = ProgressPrinter()
        let algorithms = TopNAlgorithm(rawValue: algorithm).map { [$0] } ?? TopNAlgorithm.allCases.filter { $0 != .random }
        let strategy: SearchStrategy = search == "grid" ? .grid : .random(trials: trials, patience: patience, seed: seed)
        let result = try await TopNTuning.tune(dataset, splitProtocol: try TopNProtocol(parsing: `protocol`), algorithms: algorithms,
                                               strategy: strategy, weightingHistories: !noHistoryWeighting,
                                               data: DataLocation(explicit: data), progress: progress.handler)
        progress.finish()
        print(result.text)
    }
}
