import ArgumentParser
import Foundation
import RecPipeline
import RecServer

/// `marquee bench`: Marquee against a peer library in one run, side by side: Surprise on ML-100K's official
/// folds (`--task rating`), or implicit's ALS and BPR training speed and memory on synthetic data (`--task topn`);
/// or the server under wrk on loopback (`--task serve`).
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Benchmark Marquee against Surprise (rating) or implicit (top-N training speed) in one run, or the server under load.",
        discussion: """
            Needs scikit-surprise (rating) or implicit (topn): pip install -r scripts/requirements.txt; wrk (serve): apt-get install wrk
            Examples:
              marquee bench --folds 1
              marquee bench --task topn --size 1m --iterations 5 --repeats 3
              marquee bench --task serve --seconds 10
            """)

    /// What `bench` measures.
    enum Kind: String, ExpressibleByArgument {
        case rating, topn, serve
    }

    @Option(help: "rating (Surprise on ML-100K's official folds), topn (ALS and BPR training against implicit) or serve (the server under wrk).")
    var task: Kind = .rating

    @Option(help: "Serve task: seconds per wrk run.")
    var seconds = 10

    @Option(help: "Serve task: loopback port of the server under test.")
    var port = 18_080

    @Option(help: "Rating task: comma-separated official folds to run (default: all five).")
    var folds = ""

    @Option(help: "Rating and serve tasks: folder holding the data sets (default: $MARQUEE_DATA, else ../shared/data).")
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
            let result = try await Benchmarking.run(folds: try SplitProtocol.officialFolds(parsing: folds),
                                              data: DataLocation(explicit: data), python: python,
                                              script: URL(fileURLWithPath: script ?? "scripts/reference/surprise_folds.py"),
                                              progress: progress.handler)
            progress.finish()
            print(result.text)
        case .topn:
            let result = try await TopNBenchmarking.run(topNConfiguration, python: python,
                                                  script: URL(fileURLWithPath: script ?? "scripts/reference/implicit_speed.py"),
                                                  progress: progress.handler)
            progress.finish()
            print(result.text)
        case .serve:
            let result = try await ServingBenchmark.run(ServingBenchmarkConfiguration(port: port, seconds: seconds),
                                                        data: DataLocation(explicit: data), progress: progress.handler)
            progress.finish()
            print(result.text)
        }
    }
}

extension TopNBenchmarkingConfiguration.Size: ExpressibleByArgument {}
extension TopNBenchmarkingConfiguration.Model: ExpressibleByArgument {}
