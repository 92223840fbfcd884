import Foundation
import RecAlgorithms
import RecCore
import RecEvaluation
import RecImport

/// `marquee bench --task topn`: Marquee's ALS and BPR against implicit's on the same synthetic file, in the
/// same run, each model on each side in its own child process.
///
/// The order is Marquee ALS, implicit ALS, Marquee BPR, implicit BPR, so a change of machine load hits the
/// two sides of a comparison about equally. Both children read the same `user,item,value` CSV and time only
/// the fits: per thread setting, `repeats` fresh fits of `iterations` iterations; the reported time is the
/// median of fit seconds ÷ iterations. Peak RSS is each child's `ru_maxrss`, loading included.
public enum TopNBenchmarking {
    /// Environment variables removed for both sides' children: this machine's shell may set them, and they
    /// force OpenBLAS onto a slower kernel than the CPU supports, slowing implicit down.
    public static let unsetEnvironment: Set<String> = ["OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"]

    /// Runs the whole comparison.
    ///
    /// - Parameters:
    ///   - configuration: data size, iterations and repeats.
    ///   - executable: the `marquee` binary that runs the Marquee children (`bench --task topn --worker …`).
    ///   - python: the Python interpreter that has implicit.
    ///   - script: `scripts/reference/implicit_speed.py`.
    ///   - cache: folder of the generated CSV (default: the temporary directory).
    /// - Throws: ``PipelineError`` when a child fails or prints no report, or the two sides read different
    ///   matrices; data generation and writing errors.
    public static func run(_ configuration: TopNBenchmarkingConfiguration, executable: URL = defaultExecutable,
                           python: String = "python3", script: URL,
                           cache: URL = FileManager.default.temporaryDirectory,
                           progress: ProgressHandler? = nil) async throws -> TopNBenchmarkingResult {
        try configuration.validate()
        let file = try dataset(configuration, in: cache, progress: progress)
        let common = ["--iterations", String(configuration.iterations)]
        var marquee: [TopNBenchmarkingConfiguration.Model: TopNBenchmarkingSpeed] = [:]
        var peer: [TopNBenchmarkingConfiguration.Model: TopNBenchmarkingSpeed] = [:]
        for model in TopNBenchmarkingConfiguration.Model.allCases {
            progress?(TaskProgress(phase: "marquee \(model.rawValue)", completed: 0, total: nil))
            let ours = try await ExternalCommand.run(
                executable.path,
                arguments: ["bench", "--task", "topn", "--worker", model.rawValue, "--csv", file.path,
                            "--repeats", String(configuration.repeats)] + common,
                unsetting: unsetEnvironment, hint: "see its message above")
            marquee[model] = try TopNBenchmarkingSpeed.decode(ours, source: "marquee bench --worker \(model.rawValue)")
            progress?(TaskProgress(phase: "implicit \(model.rawValue)", completed: 0, total: nil))
            let theirs = try await ExternalCommand.run(
                python,
                arguments: [script.path, "--input", file.path, "--only", model.rawValue,
                            "--repeat", String(configuration.repeats)] + common,
                unsetting: unsetEnvironment,
                hint: "is implicit installed (pip install -r scripts/requirements.txt)?")
            peer[model] = try TopNBenchmarkingSpeed.decode(theirs, source: script.lastPathComponent)
            if let ours = marquee[model], let theirs = peer[model], ours.data != theirs.data {
                throw PipelineError(.externalToolFailed, "\(file.path): Marquee read \(ours.data) but "
                                    + "\(script.lastPathComponent) read \(theirs.data); both must train on the same matrix")
            }
        }
        return TopNBenchmarkingResult(configuration: configuration, file: file, marquee: marquee, peer: peer,
                                      machine: .current)
    }

    /// The running `marquee` binary, for starting the Marquee children.
    public static var defaultExecutable: URL {
        Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
    }

    /// The synthetic data set's CSV, `marquee-synthetic-<size>-seed<seed>.csv` in `folder`: reused when present,
    /// else generated and written (to a temporary name first, so an interrupted run leaves no partial file).
    /// - Throws: generation or writing errors (``EvaluationError``), or a file-system error on the final rename.
    /// - Complexity: generating is O(users × items × factors); 10m takes about half a minute.
    public static func dataset(_ configuration: TopNBenchmarkingConfiguration, in folder: URL,
                               progress: ProgressHandler? = nil) throws -> URL {
        let name = "marquee-synthetic-\(configuration.size.rawValue)-seed\(configuration.seed)"
        let file = folder.appendingPathComponent(name + ".csv")
        if FileManager.default.fileExists(atPath: file.path) { return file }
        progress?(TaskProgress(phase: "generate \(name)", completed: 0, total: nil))
        let interactions = try configuration.size.generator(seed: configuration.seed).generate()
        let partial = folder.appendingPathComponent(name + ".\(UUID().uuidString).partial")
        defer { try? FileManager.default.removeItem(at: partial) }
        try SyntheticInteractions.writeCSV(interactions, to: partial)
        try FileManager.default.moveItem(at: partial, to: file)
        return file
    }

    /// The Marquee child's work: reads `file`, builds the matrix, fits `model` `repeats` times at each thread
    /// setting, and reports the median time per iteration and this process's peak RSS. Call it in a fresh
    /// process (`marquee bench --task topn --worker …`), so the peak belongs to this model alone.
    /// - Throws: ``PipelineError`` `.invalidArgument` for a bad configuration or a rejected row (naming file,
    ///   line and field); `ImportError` when the file cannot be read; training errors.
    /// - Complexity: the fits' cost; memory about the interactions (~60 bytes each) plus the matrix.
    public static func measure(_ model: TopNBenchmarkingConfiguration.Model, file: URL,
                               configuration: TopNBenchmarkingConfiguration) async throws -> TopNBenchmarkingSpeed {
        try configuration.validate()
        let matrix = try readMatrix(file)
        let dataRSS = PeakMemory.residentMiB()
        let clock = ContinuousClock()
        var settings: [TopNBenchmarkingSpeed.Setting] = []
        for threads in TopNBenchmarkingConfiguration.threadSettings {
            var fits: [Double] = []
            for _ in 0..<configuration.repeats {
                let start = clock.now
                switch model {
                case .als: _ = try await ImplicitALS.fit(matrix, configuration: configuration.als(threads: threads))
                case .bpr: _ = try await BPR.fit(matrix, configuration: configuration.bpr(strata: threads))
                }
                fits.append((clock.now - start).seconds)
            }
            settings.append(.init(model: model, iterations: configuration.iterations, fitSeconds: fits))
        }
        return TopNBenchmarkingSpeed(
            library: "marquee",
            data: .init(users: matrix.users.count, items: matrix.items.count, interactions: matrix.entryCount),
            dataRSSMiB: dataRSS, peakRSSMiB: PeakMemory.residentMiB(), threads1: settings[0], threads2: settings[1])
    }

    /// The training matrix of a `user,item,value` CSV, streamed from the events importer into the
    /// matrix builder (values on 0…1) so no row is held twice.
    private static func readMatrix(_ file: URL) throws -> InteractionMatrix {
        let scale = RatingScale(minimum: 0, maximum: 1)
        var builder = InteractionMatrix.Builder(scale: scale)
        let rejected = try DatasetImporter.forEachCSVEvent(in: file, mapping: EventMapping(rating: "value", scale: scale)) {
            builder.append($0)
        }
        if let bad = rejected.first {
            throw PipelineError(.invalidArgument, "\(bad) (\(rejected.count) rows rejected); the benchmark "
                                + "needs every row of the file the peer reads")
        }
        return builder.build()
    }
}
