import Foundation
import RecCore
import RecEvaluation
import RecImport

/// What `marquee evaluate --task topn` should measure.
public struct TopNEvaluationRequest: Sendable {
    /// Data set folder name inside the data location, e.g. `"ml-100k"`.
    public var dataset: String
    /// How to split positives into train and test.
    public var splitProtocol: TopNProtocol
    /// Which algorithm, with which hyperparameters.
    public var configuration: TopNModelConfiguration
    /// The algorithm's CLI name, for the report.
    public var algorithmName: String
    /// List length for the metrics.
    public var k: Int
    /// Where the data sets live.
    public var data: DataLocation
    /// Recency weights for the histories the model scores from; `nil` scores from the training matrix as it is.
    public var historyWeighting: RecencyWeighting?

    /// Creates a request; the configuration defaults to the algorithm's defaults.
    public init(dataset: String, splitProtocol: TopNProtocol = .p1Temporal, algorithm: TopNAlgorithm,
                configuration: TopNModelConfiguration? = nil, k: Int = 10, data: DataLocation = DataLocation()) {
        self.dataset = dataset
        self.splitProtocol = splitProtocol
        self.configuration = configuration ?? algorithm.defaultConfiguration
        self.algorithmName = algorithm.rawValue
        self.k = k
        self.data = data
    }
}

/// `marquee evaluate --task topn`: ranking and beyond-accuracy metrics of one top-N algorithm.
public enum TopNEvaluating {
    /// Reads the data set, splits its positives by the protocol, fits and scores the algorithm.
    /// - Throws: ``PipelineError`` for missing or bad data; evaluation and algorithm errors.
    public static func evaluate(_ request: TopNEvaluationRequest, progress: ProgressHandler? = nil) async throws -> TopNReport {
        let (split, catalogue) = try split(request.dataset, by: request.splitProtocol, data: request.data, progress: progress)
        return try await TopNEvaluation.evaluate(split, k: request.k, catalogue: catalogue, algorithm: request.algorithmName,
                                                 dataset: request.dataset, historyWeighting: request.historyWeighting) { matrix in
            try await request.configuration.fit(matrix, progress: progress).recommender
        }
    }

    /// The protocol's split of a data set's positives and its catalogue.
    ///
    /// Positives are ratings of at least 80 % of the scale's maximum (4 of 5 stars, 4.0 of 5 half stars,
    /// 8 of 10), plus likes and watches.
    /// - Throws: ``PipelineError`` if the data set is missing or has bad rows.
    public static func split(_ dataset: String, by splitProtocol: TopNProtocol, data: DataLocation,
                             progress: ProgressHandler? = nil) throws -> (ImplicitSplit, [Item]) {
        let result = try data.read(dataset, progress: progress)
        let positive = PositiveFeedback(scale: result.scale)
        return (splitProtocol.split(result.interactions, positive: positive), result.items)
    }
}

extension TopNProtocol {
    /// Parses the CLI spelling: `p1-temporal`, `loo`, `random` (seed 0) or `randomN` (seed N).
    /// - Throws: ``PipelineError`` listing the accepted spellings.
    public init(parsing text: String) throws {
        switch text {
        case "p1-temporal": self = .p1Temporal
        case "loo": self = .leaveLastOut
        case "random": self = .randomPerUser(seed: 0)
        default:
            guard text.hasPrefix("random"), let seed = UInt64(text.dropFirst(6)) else {
                throw PipelineError(.invalidArgument, "protocol '\(text)' is unknown; expected p1-temporal, loo, random or randomN (seed N)")
            }
            self = .randomPerUser(seed: seed)
        }
    }
}
