import Foundation
import RecCore
import RecEvaluation
import RecImport

/// What `marquee evaluate` should measure.
public struct EvaluationRequest: Sendable {
    /// Data set folder name inside the data location, e.g. `"ml-100k"`.
    public var dataset: String
    /// How to split it.
    public var split: SplitProtocol
    /// Which algorithm.
    public var algorithm: RatingAlgorithm
    /// Whether to choose hyperparameters per fold on a validation slice of the fold's training part.
    public var tune: Bool
    /// For `official5`: which of u1…u5 to run (all when empty).
    public var folds: [Int]
    /// Where the data sets live.
    public var data: DataLocation

    /// Creates a request.
    public init(dataset: String, split: SplitProtocol, algorithm: RatingAlgorithm, tune: Bool = false,
                folds: [Int] = [], data: DataLocation = DataLocation()) {
        self.dataset = dataset
        self.split = split
        self.algorithm = algorithm
        self.tune = tune
        self.folds = folds
        self.data = data
    }
}

/// `marquee evaluate`: accuracy and cost of one algorithm over a split's folds.
public enum Evaluating {
    /// Fits and scores the algorithm on every fold and reports RMSE, MAE and seconds per fold.
    /// - Throws: ``PipelineError`` for a missing data set or a split the data set lacks; import,
    ///   evaluation and algorithm errors.
    public static func evaluate(_ request: EvaluationRequest, progress: ProgressHandler? = nil) throws -> EvaluationReport {
        let (splits, scale, catalogue) = try splits(for: request, progress: progress)
        var reports: [FoldReport] = []
        var curves: [LearningCurve] = []
        var chosen: [String: String] = [:]
        for (index, split) in splits.enumerated() {
            progress?(TaskProgress(phase: "evaluate \(request.algorithm.rawValue)", completed: index, total: splits.count))
            let configuration = try configuration(for: request, train: split.train, scale: scale)
            if request.tune { chosen["\(split.name)"] = configuration.summary }
            let context = RatingContext(catalogue: catalogue, training: split.train)
            reports.append(try RatingEvaluation.evaluate(split, scale: scale) { matrix in
                let model = try configuration.fit(matrix, context: context)
                if let history = model.trainingHistory {
                    curves.append(LearningCurve(fold: split.name, training: history.trainingRMSEs.map(Double.init),
                                                validation: history.validationRMSEs.map(Double.init),
                                                bestEpoch: history.bestEpoch))
                }
                return model
            })
        }
        progress?(TaskProgress(phase: "evaluate \(request.algorithm.rawValue)", completed: splits.count, total: splits.count))
        var parameters = request.tune ? chosen : ["configuration": request.algorithm.defaultConfiguration.summary]
        parameters["tuned"] = String(request.tune)
        return EvaluationReport(algorithm: request.algorithm.rawValue, dataset: request.dataset, split: request.split.description,
                                parameters: parameters, folds: reports, peakRSSMiB: PeakMemory.residentMiB(),
                                learningCurves: curves)
    }

    /// The configuration to fit on one fold: the default, or the tuner's pick on a validation slice of `train`.
    static func configuration(for request: EvaluationRequest, train: [Interaction],
                              scale: RatingScale) throws -> RatingModelConfiguration {
        let grid = request.algorithm.tuningGrid
        guard request.tune, grid.count > 1 else { return request.algorithm.defaultConfiguration }
        return try HyperparameterSearch(candidates: grid).best(on: train, scale: scale) { configuration, matrix in
            try configuration.fit(matrix)
        }.configuration
    }

    /// The folds of the request's data set, its rating scale and its catalogue (read for the official folds only
    /// when the algorithm uses item features).
    static func splits(for request: EvaluationRequest, progress: ProgressHandler?)
        throws -> ([TrainTestSplit], RatingScale, [Item]) {
        switch request.split {
        case .official5:
            let folder = try request.data.dataset(request.dataset)
            let numbers = request.folds.isEmpty ? Array(1...5) : request.folds
            let splits = try numbers.map { number in
                TrainTestSplit(name: "u\(number)",
                                      train: try officialFold(folder.appendingPathComponent("u\(number).base")),
                                      test: try officialFold(folder.appendingPathComponent("u\(number).test")))
            }
            let catalogue = request.algorithm.readsItemFeatures
                ? try request.data.read(request.dataset, progress: progress).items : []
            return (splits, .oneToFive, catalogue)
        case .kFold(let folds, let seed):
            let result = try request.data.read(request.dataset, progress: progress)
            return (try RandomKFold(folds: folds, seed: seed).splits(of: ratings(in: result)), result.scale, result.items)
        case .temporal(let fraction):
            let result = try request.data.read(request.dataset, progress: progress)
            return ([try TemporalHoldout(fraction: fraction).split(ratings(in: result))], result.scale, result.items)
        }
    }

    /// The rated interactions of an import.
    private static func ratings(in result: ImportResult) -> [Interaction] {
        result.interactions.filter { $0.value != nil }
    }

    /// One official ML-100K fold file (`u.data` layout); a missing file names the split that needs it.
    private static func officialFold(_ url: URL) throws -> [Interaction] {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw PipelineError(.dataNotFound, "\(url.path) not found: the official5 split needs MovieLens 100K's u1-u5 .base/.test files")
        }
        let (interactions, rejected) = try MovieLens100K.readRatings(url)
        if let first = rejected.first {
            throw PipelineError(.invalidArgument, "\(url.lastPathComponent) has \(rejected.count) bad rows, first: \(first)")
        }
        return interactions
    }
}
