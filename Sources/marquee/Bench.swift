import ArgumentParser
import Foundation
import RecPipeline

/// `marquee bench`: Marquee against a peer library in one run, side by side: Surprise on ML-100K's official
/// folds (`--task rating`), or implicit's ALS and BPR training speed and memory on synthetic data (`--task topn`).
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Benchmark Marquee against Surprise (rating) or implicit (top-N training speed) in one run.",
        discussion: """
            Needs scikit-surprise (rating) or implicit (topn): pip install -r scripts/requirements.txt
            Examples:
              marquee bench --folds 1
              marquee bench --task topn --size 1m --iterations 5 --repeats 3
            """)

    @Option(help: "rating (Surprise on ML-100K's official folds) or topn (ALS and BPR training against implicit).")
    var task: Task = .rating

    @Option(help: "Rating task: comma-separated official folds to run (default: all five).")
    var folds = ""

    @Option(help: "Rating task: folder holding the data sets (default: $MARQUEE_DATA, else ../shared/data).")
    var data: String?

    @Option(help: "Top-N task: synthetic data set (tiny: 20,000 interactions, for tests; 1m; 10m).")
    var size: TopNBenchmarkingConfiguration.Size = .oneMillion

    @Option(help: "Top-N task: ALS iterations / BPR epochs per fit.")
    var iterations = 5

    @Option(help: "Top-N task: fits per model and thread count; medians are reported.")
    var repeats = 3

    @Option(help: "Python interpreter with scikit-surprise (rating) or implicit (topn).")
    var python = "python3"

    @Option(help: "The peer script (default: scripts/reference/surprise_folds.py, or implicit_speed.py for topn).")
    var script: String?

    @Option(help: ArgumentHelp("Top-N child process: time this model on --csv and print JSON.", visibility: .hidden))
    var worker: TopNBenchmarkingConfiguration.Model?

    @Option(help: ArgumentHelp("Top-N child process: the user,item,value CSV to train on.", visibility: .hidden))
    var csv: String?

    func validate() throws {
        do {
            _ = try SplitProtocol.officialFolds(parsing: folds)
            try topNConfiguration.validate()
        } catch {
            throw ValidationError("\(error)")
        }
        if worker != nil && (task != .topn || csv == nil) { throw ValidationError("--worker needs --task topn and --csv") }
        if task == .content { throw ValidationError("bench has no content task; measure it with `marquee evaluate --task content`") }
    }

    private var topNConfiguration: TopNBenchmarkingConfiguration {
        TopNBenchmarkingConfiguration(size: size, iterations: iterations, repeats: repeats)
    }

    func run() async throws {
        if let worker, let csv {
            print(try await TopNBenchmarking.measure(worker, file: URL(fileURLWithPath: csv), configuration: topNConfiguration).json)
            return
        }
        let progress = ProgressPrinter()
        switch task {
        case .rating:
            let result = try Benchmarking.run(folds: try SplitProtocol.officialFolds(parsing: folds),
                                              data: DataLocation(explicit: data), python: python,
                                              script: URL(fileURLWithPath: script ?? "scripts/reference/surprise_folds.py"),
                                              progress: progress.handler)
            progress.finish()
            print(result.text)
        case .topn:
            let result = try TopNBenchmarking.run(topNConfiguration, python: python,
                                                  script: URL(fileURLWithPath: script ?? "scripts/reference/implicit_speed.py"),
                                                  progress: progress.handler)
            progress.finish()
            print(result.text)
        case .content:
            throw ValidationError("bench has no content task; measure it with `marquee evaluate --task content`")
        }
    }
}

extension TopNBenchmarkingConfiguration.Size: ExpressibleByArgument {}
extension TopNBenchmarkingConfiguration.Model: ExpressibleByArgument {}
