/// The result of evaluating one algorithm over all folds of a split; the JSON contract of
/// `marquee evaluate --json`: `algorithm`, `dataset`, `split`, `rmse`, `mae` (means over folds),
/// `fit_seconds`, `predict_seconds` (means), `peak_rss_mib`, `parameters` and `folds`; `learning_curves` only
/// for models trained by epochs that record them (the neural models).
public struct EvaluationReport: Sendable, Hashable, Codable {
    /// Algorithm name as the CLI spells it, e.g. `"biased-mf"`.
    public var algorithm: String
    /// Data set name, e.g. `"ml-100k"`.
    public var dataset: String
    /// Split protocol name, e.g. `"official5"`.
    public var split: String
    /// The hyperparameters used, as `key=value` text per fold-independent setting.
    public var parameters: [String: String]
    /// Per-fold figures, in fold order.
    public var folds: [FoldReport]
    /// Peak resident memory of the process at the end, in MiB (`nil` where the OS does not tell).
    public var peakRSSMiB: Double?
    /// Per-fold training curves, in fold order; empty for models that do not record them.
    public var learningCurves: [LearningCurve]

    /// Creates a report.
    public init(algorithm: String, dataset: String, split: String, parameters: [String: String] = [:],
                folds: [FoldReport], peakRSSMiB: Double? = nil, learningCurves: [LearningCurve] = []) {
        self.algorithm = algorithm
        self.dataset = dataset
        self.split = split
        self.parameters = parameters
        self.folds = folds
        self.peakRSSMiB = peakRSSMiB
        self.learningCurves = learningCurves
    }

    /// Mean RMSE over folds.
    public var rmse: Double { mean(\.rmse) }
    /// Mean MAE over folds.
    public var mae: Double { mean(\.mae) }
    /// Mean fit seconds over folds.
    public var fitSeconds: Double { mean(\.fitSeconds) }
    /// Mean predict seconds over folds.
    public var predictSeconds: Double { mean(\.predictSeconds) }

    private func mean(_ value: KeyPath<FoldReport, Double>) -> Double {
        folds.isEmpty ? .nan : folds.reduce(0) { $0 + $1[keyPath: value] } / Double(folds.count)
    }

    enum CodingKeys: String, CodingKey {
        case algorithm, dataset, split, parameters, folds, rmse, mae
        case fitSeconds = "fit_seconds"
        case predictSeconds = "predict_seconds"
        case peakRSSMiB = "peak_rss_mib"
        case learningCurves = "learning_curves"
    }

    /// Decodes a report (the means are recomputed from the folds).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        algorithm = try container.decode(String.self, forKey: .algorithm)
        dataset = try container.decode(String.self, forKey: .dataset)
        split = try container.decode(String.self, forKey: .split)
        parameters = try container.decodeIfPresent([String: String].self, forKey: .parameters) ?? [:]
        folds = try container.decode([FoldReport].self, forKey: .folds)
        peakRSSMiB = try container.decodeIfPresent(Double.self, forKey: .peakRSSMiB)
        learningCurves = try container.decodeIfPresent([LearningCurve].self, forKey: .learningCurves) ?? []
    }

    /// Encodes the report with its means.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(algorithm, forKey: .algorithm)
        try container.encode(dataset, forKey: .dataset)
        try container.encode(split, forKey: .split)
        try container.encode(parameters, forKey: .parameters)
        try container.encode(folds, forKey: .folds)
        try container.encode(rmse, forKey: .rmse)
        try container.encode(mae, forKey: .mae)
        try container.encode(fitSeconds, forKey: .fitSeconds)
        try container.encode(predictSeconds, forKey: .predictSeconds)
        try container.encodeIfPresent(peakRSSMiB, forKey: .peakRSSMiB)
        if !learningCurves.isEmpty { try container.encode(learningCurves, forKey: .learningCurves) }
    }
}
