import ArgumentParser
import Foundation
import RecPipeline

/// `marquee evaluate`: RMSE/MAE of one algorithm over a split, as a table or the JSON contract.
struct Evaluate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Evaluate a rating predictor on a data set's folds.",
        discussion: "Example: marquee evaluate --dataset ml-100k --split official5 --algorithm biased-mf --json")

    @Option(help: "Data set folder inside the data location, e.g. ml-100k, ml-latest-small.")
    var dataset = "ml-100k"

    @Option(help: "Split: official5 (ML-100K u1-u5), kfold, kfoldN, temporal.")
    var split = "official5"

    @Option(help: "Algorithm: \(RatingAlgorithm.allCases.map(\.rawValue).joined(separator: ", ")).")
    var algorithm: RatingAlgorithm = .biasedMF

    @Flag(help: "Tune hyperparameters per fold on a validation slice of the fold's training data.")
    var tune = false

    @Option(help: "Comma-separated official folds to run, e.g. 1,2 (default: all five).")
    var folds = ""

    @Option(help: "Folder holding the data sets (default: $MARQUEE_DATA, else ../shared/data).")
    var data: String?

    @Flag(help: "Print one JSON object instead of a table.")
    var json = false

    func validate() throws {
        do {
            _ = try SplitProtocol(parsing: split)
            _ = try SplitProtocol.officialFolds(parsing: folds)
        } catch {
            throw ValidationError("\(error)")
        }
    }

    func run() async throws {
        let progress = ProgressPrinter()
        let request = EvaluationRequest(dataset: dataset, split: try SplitProtocol(parsing: split), algorithm: algorithm,
                                        tune: tune, folds: try SplitProtocol.officialFolds(parsing: folds), data: DataLocation(explicit: data))
        let report = try Evaluating.evaluate(request, progress: progress.handler)
        progress.finish()
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            print(report.text)
        }
    }
}
