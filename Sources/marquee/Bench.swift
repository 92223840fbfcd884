import ArgumentParser
import Foundation
import RecPipeline

/// `marquee bench`: Marquee against Surprise on ML-100K's official folds, side by side.
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Benchmark Marquee against Surprise on MovieLens 100K's official folds in one run.",
        discussion: "Needs scikit-surprise: pip install -r scripts/requirements.txt")

    @Option(help: "Comma-separated official folds to run (default: all five).")
    var folds = ""

    @Option(help: "Folder holding the data sets (default: $MARQUEE_DATA, else ../shared/data).")
    var data: String?

    @Option(help: "Python interpreter with scikit-surprise.")
    var python = "python3"

    @Option(help: "The peer script.")
    var script = "scripts/reference/surprise_folds.py"

    func validate() throws {
        do {
            _ = try SplitProtocol.officialFolds(parsing: folds)
        } catch {
            throw ValidationError("\(error)")
        }
    }

    func run() async throws {
        let progress = ProgressPrinter()
        let result = try Benchmarking.run(folds: try SplitProtocol.officialFolds(parsing: folds),
                                          data: DataLocation(explicit: data), python: python,
                                          script: URL(fileURLWithPath: script), progress: progress.handler)
        progress.finish()
        print(result.text)
    }
}
