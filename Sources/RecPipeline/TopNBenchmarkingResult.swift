import Foundation

/// The outcome of `marquee bench --task topn`: both sides' measurements per model, and where they ran.
public struct TopNBenchmarkingResult: Sendable {
    /// The machine a benchmark ran on.
    public struct Machine: Sendable, Hashable {
        /// The CPU's `model name` from `/proc/cpuinfo`, or `"unknown CPU"`.
        public var cpu: String
        /// Processors available to this process (`nproc`).
        public var processors: Int
        /// The 1, 5 and 15 minute load averages from `/proc/loadavg` when the run ended, or `"unknown"`:
        /// anything above zero competed with the measurements.
        public var loadAverage: String

        /// Creates a description.
        public init(cpu: String, processors: Int, loadAverage: String) {
            self.cpu = cpu
            self.processors = processors
            self.loadAverage = loadAverage
        }

        /// This machine.
        public static var current: Machine {
            let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
            let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
                .flatMap { $0.split(separator: ":", maxSplits: 1).last }
                .map { $0.trimmingCharacters(in: .whitespaces) }
            let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?
                .split(separator: " ").prefix(3).joined(separator: " ")
            return Machine(cpu: model ?? "unknown CPU", processors: ProcessInfo.processInfo.activeProcessorCount,
                           loadAverage: load ?? "unknown")
        }
    }

    /// What was run.
    public var configuration: TopNBenchmarkingConfiguration
    /// The CSV both sides read.
    public var file: URL
    /// Marquee's measurement per model.
    public var marquee: [TopNBenchmarkingConfiguration.Model: TopNBenchmarkingSpeed]
    /// implicit's measurement per model.
    public var peer: [TopNBenchmarkingConfiguration.Model: TopNBenchmarkingSpeed]
    /// Where it ran.
    public var machine: Machine

    /// Creates a result.
    public init(configuration: TopNBenchmarkingConfiguration, file: URL,
                marquee: [TopNBenchmarkingConfiguration.Model: TopNBenchmarkingSpeed],
                peer: [TopNBenchmarkingConfiguration.Model: TopNBenchmarkingSpeed], machine: Machine) {
        self.configuration = configuration
        self.file = file
        self.marquee = marquee
        self.peer = peer
        self.machine = machine
    }

    /// The issue's goals as ratios marquee ÷ implicit: ALS time per iteration at most 1.0×; peak RSS at most
    /// 1.2× (stated for 10m, shown for every size).
    static let alsTimeGoal = 1.0, peakRSSGoal = 1.2

    /// measure | marquee | implicit | ratio (marquee ÷ implicit; below 1 means Marquee is faster or smaller)
    /// | goal: seconds per ALS iteration and BPR epoch at 1 and 2 threads, then peak RSS and data-only RSS
    /// per model.
    public var table: TextTable {
        var rows: [[String]] = []
        func row(_ name: String, _ ours: Double?, _ theirs: Double?, format: (Double) -> String, goal: Double? = nil) {
            guard let ours, let theirs else {
                rows.append([name, ours.map(format) ?? "n/a", theirs.map(format) ?? "n/a", "n/a"])
                return
            }
            let ratio = theirs > 0 ? ours / theirs : .infinity
            let verdict = goal.map { "≤ " + TextTable.fixed($0, digits: 1) + "× " + (ratio <= $0 ? "met" : "missed") } ?? ""
            rows.append([name, format(ours), format(theirs), TextTable.fixed(ratio, digits: 2) + "×", verdict])
        }
        let seconds = { (value: Double) in TextTable.fixed(value, digits: 4) + " s" }
        let mebibytes = { (value: Double) in TextTable.fixed(value, digits: 1) + " MiB" }
        for model in TopNBenchmarkingConfiguration.Model.allCases {
            let unit = model == .als ? "iteration" : "epoch"
            for threads in TopNBenchmarkingConfiguration.threadSettings {
                row("\(model.rawValue.uppercased()) s/\(unit), \(threads) thread\(threads > 1 ? "s" : "")",
                    marquee[model]?.setting(threads: threads)?.seconds, peer[model]?.setting(threads: threads)?.seconds,
                    format: seconds, goal: model == .als ? Self.alsTimeGoal : nil)
            }
        }
        for model in TopNBenchmarkingConfiguration.Model.allCases {
            row("\(model.rawValue.uppercased()) peak RSS", marquee[model]?.peakRSSMiB, peer[model]?.peakRSSMiB,
                format: mebibytes, goal: Self.peakRSSGoal)
        }
        for model in TopNBenchmarkingConfiguration.Model.allCases {
            row("\(model.rawValue.uppercased()) RSS before fit", marquee[model]?.dataRSSMiB, peer[model]?.dataRSSMiB,
                format: mebibytes)
        }
        return TextTable(header: ["measure", "marquee", "implicit", "ratio", "goal"], rows: rows)
    }

    /// The table, then the data, the settings and the machine.
    public var text: String {
        let shape = (marquee[.als] ?? peer[.als]).map {
            "\($0.data.interactions) interactions over \($0.data.users) users × \($0.data.items) items"
        } ?? "unknown shape"
        let library = peer.values.first?.library ?? "implicit"
        let kernels = Set(peer.values.flatMap(\.blas).compactMap(\.architecture)).sorted().joined(separator: ", ")
        return [
            table.text,
            "data: \(configuration.size.rawValue), \(shape), seed \(configuration.seed) (\(file.path))",
            "settings: 64 factors; ALS conjugate gradient (3 steps), BPR lr 0.01; \(configuration.iterations) "
                + "iterations per fit; median of \(configuration.repeats) fits; 2 threads = ALS threads 2, "
                + "BPR strata 2, implicit num_threads 2",
            "peer: \(library), OpenBLAS kernel \(kernels.isEmpty ? "unknown" : kernels); "
                + TopNBenchmarking.unsetEnvironment.sorted().joined(separator: " and ") + " unset for both sides",
            "machine: \(machine.cpu), \(machine.processors) processors, load average \(machine.loadAverage) at the end",
            "ratio = marquee ÷ implicit (below 1: Marquee faster or smaller); each model ran in its own process per side",
        ].joined(separator: "\n")
    }
}
