import ArgumentParser
import Foundation
import RecPipeline
import RecServer
import RecStoreSQLite

/// `marquee bench`: Marquee against a peer library in one run, side by side: Surprise on ML-100K's official
/// folds (`--task rating`), or implicit's ALS and BPR training speed and memory on synthetic data (`--task topn`);
/// the MiniLM sentence encoder against sentence-transformers (`--task encoder`); or the server under wrk on
/// loopback (`--task serve`).
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Benchmark Marquee against Surprise (rating) or implicit (top-N training speed) in one run, or the server under load.",
        discussion: """
            Needs scikit-surprise (rating) or implicit (topn): pip install -r scripts/requirements.txt; wrk (serve): apt-get install wrk;
            sentence-transformers (encoder): pip install sentence-transformers
            Examples:
              marquee bench --folds 1
              marquee bench --task topn --size 1m --iterations 5 --repeats 3
              marquee bench --task serve --seconds 10
              marquee bench --task encoder --count 1000 --repeats 3
              marquee bench --task soak --minutes 30
            """)

    /// What `bench` measures.
    enum Kind: String, ExpressibleByArgument {
        case rating, topn, encoder, serve, soak
    }

    @Option(help: "rating (Surprise on ML-100K's official folds), topn (ALS and BPR training against implicit), encoder (MiniLM against sentence-transformers), serve (the server under wrk) or soak (the server under steady mixed load for --minutes).")
    var task: Kind = .rating

    @Option(help: "Serve task: seconds per wrk run.")
    var seconds = 10

    @Option(help: "Soak task: total minutes of load, in back-to-back wrk runs of --interval-seconds.")
    var minutes = 30

    @Option(help: "Soak task: seconds per wrk run; memory and latency are reported per run.")
    var intervalSeconds = 60

    @Option(help: "Soak task: requests per second to pace the load at.")
    var rate = 500

    @Option(help: "Serve task: SQLite sync setting of the server's store, normal or full.")
    var sqliteSynchronous: SQLiteStore.Synchronous = .normal

    @Option(help: "Serve and soak tasks: loopback port of the server under test.")
    var port = 18_080

    @Option(help: "Rating task: comma-separated official folds to run (default: all five).")
    var folds = ""

    @Option(help: "Rating, encoder and serve tasks: folder holding the data sets (default: $MARQUEE_DATA, else ../shared/data).")
    var data: String?

    @Option(help: "Top-N task: synthetic data set (tiny: 20,000 interactions, for tests; 1m; 10m).")
    var size: TopNBenchmarkingConfiguration.Size = .oneMillion

    @Option(help: "Top-N task: ALS iterations / BPR epochs per fit.")
    var iterations = 5

    @Option(help: "Top-N and encoder tasks: fits or encodings per model and thread count; medians are reported.")
    var repeats = 3

    @Option(help: "Encoder task: how many TMDB overviews to encode.")
    var count = 1000

    @Option(help: "Encoder task: folder holding all-MiniLM-L6-v2/ (default: $MARQUEE_MODELS, else ./models).")
    var models: String?

    @Option(help: ArgumentHelp("Encoder child process: time the encoder on this JSON array of texts and print JSON.", visibility: .hidden))
    var textsFile: String?

    @Option(help: ArgumentHelp("Encoder child process: encoder threads.", visibility: .hidden))
    var threads = 1

    @Option(help: "Python interpreter with scikit-surprise (rating) or implicit (topn).")
    var python = "python3"

    @Option(help: "The peer script (default: scripts/reference/surprise_folds.py; implicit_speed.py for topn, minilm_speed.py for encoder).")
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
        if textsFile != nil && task != .encoder { throw ValidationError("--texts-file needs --task encoder") }
        guard count > 0, repeats > 0, threads > 0, minutes > 0, intervalSeconds > 0, rate > 0 else {
            throw ValidationError("--count, --repeats, --threads, --minutes, --interval-seconds and --rate must be positive")
        }
    }

    private var topNConfiguration: TopNBenchmarkingConfiguration {
        TopNBenchmarkingConfiguration(size: size, iterations: iterations, repeats: repeats)
    }

    func run() async throws {
        if let worker, let csv {
            print(try await TopNBenchmarking.measure(worker, file: URL(fileURLWithPath: csv), configuration: topNConfiguration).json)
            return
        }
        if let textsFile {
            let texts = try JSONDecoder().decode([String].self, from: Data(contentsOf: URL(fileURLWithPath: textsFile)))
            print(try await EncoderBenchmarking.measure(texts: texts, threads: threads, repeats: repeats,
                                                        models: ModelLocation(explicit: models)).json)
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
        case .encoder:
            let result = try await EncoderBenchmarking.run(count: count, repeats: repeats, data: DataLocation(explicit: data),
                                                           models: ModelLocation(explicit: models), python: python,
                                                           script: URL(fileURLWithPath: script ?? "scripts/reference/minilm_speed.py"),
                                                           progress: progress.handler)
            progress.finish()
            print(result.text)
        case .soak:
            let intervals = max(1, minutes * 60 / intervalSeconds)
            let result = try await ServingSoak.run(ServingSoakConfiguration(port: port, intervals: intervals,
                                                                            intervalSeconds: intervalSeconds, rate: rate),
                                                   data: DataLocation(explicit: data), progress: progress.handler)
            progress.finish()
            print(result.text)
        case .serve:
            let result = try await ServingBenchmark.run(ServingBenchmarkConfiguration(port: port, seconds: seconds,
                                                                                      synchronous: sqliteSynchronous),
                                                        data: DataLocation(explicit: data), progress: progress.handler)
            progress.finish()
            print(result.text)
        }
    }
}

extension TopNBenchmarkingConfiguration.Size: ExpressibleByArgument {}
extension SQLiteStore.Synchronous: ExpressibleByArgument {}
extension TopNBenchmarkingConfiguration.Model: ExpressibleByArgument {}
