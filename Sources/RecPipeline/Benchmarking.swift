import Foundation
import RecCore
import RecEvaluation

/// One row of the side-by-side benchmark: a Marquee algorithm and the Surprise algorithm it is compared with.
public struct BenchmarkPairing: Sendable, Hashable {
    /// Marquee's algorithm.
    public var algorithm: RatingAlgorithm
    /// Whether Marquee tunes hyperparameters per fold on a validation slice of the training file.
    public var tune: Bool
    /// The peer script's algorithm name.
    public var peer: String

    /// Creates a pairing.
    public init(algorithm: RatingAlgorithm, tune: Bool = false, peer: String) {
        self.algorithm = algorithm
        self.tune = tune
        self.peer = peer
    }

    /// Every Marquee algorithm against its Surprise counterpart, defaults against defaults, plus
    /// tuned biased MF and SVD++ against Surprise's defaults.
    public static let standard: [BenchmarkPairing] = [
        .init(algorithm: .globalMean, peer: "global-mean"),
        .init(algorithm: .baseline, peer: "baseline-als"),
        .init(algorithm: .baselineSGD, peer: "baseline-sgd"),
        .init(algorithm: .biasedMF, peer: "svd"),
        .init(algorithm: .biasedMF, tune: true, peer: "svd"),
        .init(algorithm: .svdpp, peer: "svdpp"),
        .init(algorithm: .svdpp, tune: true, peer: "svdpp"),
        .init(algorithm: .knnBaseline, peer: "knn-baseline"),
    ]
}

/// The benchmark's outcome: both sides' reports from the same run.
public struct BenchmarkResult: Sendable {
    /// Marquee's report per pairing, in pairing order.
    public var marquee: [(pairing: BenchmarkPairing, report: EvaluationReport)]
    /// The peer's report.
    public var peer: PeerReport
    /// Marquee's peak resident memory, in MiB.
    public var marqueePeakRSSMiB: Double?

    /// The side-by-side table: RMSE, MAE and fit seconds of both, RMSE difference and fit-time ratio.
    public var table: TextTable {
        TextTable(header: ["marquee", "surprise", "rmse", "surprise rmse", "Δ rmse", "mae", "surprise mae",
                           "fit", "surprise fit", "speed-up"],
                  rows: marquee.map { pairing, report in
                      let peerFigures = peer.algorithms[pairing.peer]
                      let name = pairing.algorithm.rawValue + (pairing.tune ? " (tuned)" : "")
                      guard let peerFigures else { return [name, pairing.peer + " (not run)"] }
                      let speedUp = report.fitSeconds > 0 ? peerFigures.fitSeconds / report.fitSeconds : .infinity
                      return [name, pairing.peer,
                              TextTable.fixed(report.rmse, digits: 4), TextTable.fixed(peerFigures.rmse, digits: 4),
                              TextTable.fixed(report.rmse - peerFigures.rmse, digits: 4),
                              TextTable.fixed(report.mae, digits: 4), TextTable.fixed(peerFigures.mae, digits: 4),
                              TextTable.seconds(report.fitSeconds), TextTable.seconds(peerFigures.fitSeconds),
                              TextTable.fixed(speedUp, digits: 1) + "×"]
                  })
    }

    /// The table plus both processes' peak memory.
    public var text: String {
        let memory = [("marquee", marqueePeakRSSMiB), ("surprise", peer.peakRSSMiB)].map { name, mib in
            "\(name) peak RSS: " + (mib.map { TextTable.fixed($0, digits: 1) + " MiB" } ?? "unknown")
        }.joined(separator: ", ")
        return table.text + "\n" + memory + "\nfit and rmse are means over the folds; speed-up = surprise fit / marquee fit"
    }
}

/// `marquee bench`: Marquee and Surprise on the official ML-100K folds in the same run, side by side.
public enum Benchmarking {
    /// Runs every pairing's Marquee side in-process and the peer script once for all peer algorithms.
    ///
    /// - Parameters:
    ///   - pairings: what to compare.
    ///   - folds: which of u1…u5 (all when empty).
    ///   - data: where `ml-100k` lives.
    ///   - python: the Python interpreter that has scikit-surprise.
    ///   - script: `scripts/reference/surprise_folds.py`.
    /// - Throws: ``PipelineError`` if the script fails or prints no report; evaluation errors.
    public static func run(_ pairings: [BenchmarkPairing] = BenchmarkPairing.standard, folds: [Int] = [],
                           data: DataLocation = DataLocation(), python: String = "python3", script: URL,
                           progress: ProgressHandler? = nil) async throws -> BenchmarkResult {
        var marquee: [(pairing: BenchmarkPairing, report: EvaluationReport)] = []
        for pairing in pairings {
            let request = EvaluationRequest(dataset: "ml-100k", split: .official5, algorithm: pairing.algorithm,
                                            tune: pairing.tune, folds: folds, data: data)
            marquee.append((pairing, try Evaluating.evaluate(request, progress: progress)))
        }
        let marqueePeak = PeakMemory.residentMiB()
        let peerNames = Array(Set(pairings.map(\.peer))).sorted()
        var arguments = [script.path, "--json", "--data", data.directory.path, "--algorithms", peerNames.joined(separator: ",")]
        if !folds.isEmpty { arguments += ["--folds", folds.map(String.init).joined(separator: ",")] }
        progress?(TaskProgress(phase: "surprise \(peerNames.joined(separator: ","))", completed: 0, total: nil))
        let output = try await ExternalCommand.run(python, arguments: arguments)
        return BenchmarkResult(marquee: marquee, peer: try PeerReport.decode(output, source: script.lastPathComponent),
                               marqueePeakRSSMiB: marqueePeak)
    }
}
