import RecCore
import RecEvaluation

/// How `marquee tune` walks the candidates.
public enum SearchStrategy: Sendable, Hashable {
    /// Every candidate of every grid, in order.
    case grid
    /// At most `trials` candidates drawn without replacement (seeded), stopping early after `patience`
    /// consecutive trials without a better validation score.
    case random(trials: Int, patience: Int, seed: UInt64)
}

/// One candidate's validation result.
public struct TuningTrial: Sendable {
    /// The algorithm's CLI name.
    public var algorithm: TopNAlgorithm
    /// The hyperparameters tried.
    public var configuration: TopNModelConfiguration
    /// The recency weighting of the histories the model scored from, or `nil` for unweighted histories.
    public var historyWeighting: RecencyWeighting?
    /// NDCG@k on the validation split carved from the training positives.
    public var validationNDCG: Double
    /// Seconds to fit on the validation split's training part.
    public var fitSeconds: Double
}

/// What `marquee tune` found: every trial, the winner and its score on the untouched test split.
public struct TuningResult: Sendable {
    /// Trials in the order run.
    public var trials: [TuningTrial]
    /// The trial with the best validation NDCG (ties: the earlier one).
    public var best: TuningTrial
    /// The winner refitted on the full training split and scored once on the test split.
    public var test: TopNReport
    /// Whether a random search stopped early for lack of improvement.
    public var stoppedEarly: Bool

    /// The trials table (best validation score first) and the winner's test metrics.
    public var text: String {
        let rows = trials.sorted { $0.validationNDCG > $1.validationNDCG }.map { trial in
            [trial.algorithm.rawValue, TextTable.fixed(trial.validationNDCG, digits: 4), TextTable.seconds(trial.fitSeconds),
             trial.historyWeighting.map { "\($0.halfLifeShare)" } ?? "-", trial.configuration.summary]
        }
        let table = TextTable(header: ["algorithm", "validation ndcg@\(test.k)", "fit", "history half-life share", "configuration"],
                              rows: rows)
        let weighting = best.historyWeighting.map { ", history half-life \($0.halfLifeShare) of each user's positives" } ?? ""
        return table.text + "\n" + (stoppedEarly ? "random search stopped early: no better trial in a row of patience\n" : "")
            + "chosen on validation: \(best.algorithm.rawValue) \(best.configuration.summary)\(weighting)\n"
            + "test (refitted on all training positives, scored once):\n" + test.text
    }
}

/// `marquee tune`: picks top-N hyperparameters on a validation split carved from the training data only.
public enum TopNTuning {
    /// Scores every candidate on the validation split, refits the best on the full training split and
    /// evaluates it once on the test split.
    ///
    /// A candidate whose model folds histories in is fitted once and scored from unweighted histories and from each
    /// of its algorithm's ``TopNAlgorithm/historyWeightings`` (unless `weightingHistories` is false, as for a
    /// comparison with a peer that has no such weighting); each scoring is a trial of its own.
    ///
    /// - Parameters:
    ///   - dataset: data set folder name.
    ///   - splitProtocol: the protocol of the test split; the validation split applies it again to the
    ///     training positives (``RecEvaluation/TopNProtocol/validation(from:)``), so the test items are never seen.
    ///   - algorithms: whose ``TopNAlgorithm/tuningGrid`` to search.
    ///   - strategy: grid or seeded random search.
    ///   - weightingHistories: also score each fold-in candidate from recency-weighted histories.
    ///   - data: where the data sets live.
    /// - Throws: ``PipelineError`` if there is nothing to try; data, evaluation and algorithm errors.
    /// - Complexity: one fit per trial plus one final fit.
    public static func tune(_ dataset: String, splitProtocol: TopNProtocol = .p1Temporal, algorithms: [TopNAlgorithm],
                            strategy: SearchStrategy = .grid, k: Int = 10, weightingHistories: Bool = true,
                            data: DataLocation = DataLocation(),
                            progress: ProgressHandler? = nil) async throws -> TuningResult {
        let (split, catalogue) = try TopNEvaluating.split(dataset, by: splitProtocol, data: data)
        let validation = splitProtocol.validation(from: split.train)
        var candidates = algorithms.flatMap { algorithm in algorithm.tuningGrid.map { (algorithm, $0) } }
        var patience = Int.max
        if case .random(let trials, let limit, let seed) = strategy {
            var generator = SplitMix64(seed: seed)
            candidates = Array(candidates.shuffled(using: &generator).prefix(trials))
            patience = limit
        }
        guard !candidates.isEmpty else { throw PipelineError(.invalidArgument, "tune: no candidates to try") }
        var trials: [TuningTrial] = []
        var best: TuningTrial?
        var sinceImprovement = 0, stoppedEarly = false
        for (index, (algorithm, configuration)) in candidates.enumerated() {
            progress?(TaskProgress(phase: "tune \(dataset)", completed: index, total: candidates.count))
            var fitted: (any TopNRecommender)?
            let report = try await TopNEvaluation.evaluate(validation, k: k, catalogue: catalogue, algorithm: algorithm.rawValue,
                                                           dataset: dataset) { matrix in
                let model = try await configuration.fit(matrix).recommender
                fitted = model
                return model
            }
            var candidateTrials = [TuningTrial(algorithm: algorithm, configuration: configuration, validationNDCG: report.ndcg,
                                               fitSeconds: report.fitSeconds)]
            if weightingHistories, let model = fitted, model is any FoldInRecommender {
                for weighting in algorithm.historyWeightings {
                    let weighted = try await TopNEvaluation.evaluate(validation, k: k, catalogue: catalogue,
                                                                     algorithm: algorithm.rawValue, dataset: dataset,
                                                                     historyWeighting: weighting) { _ in model }
                    candidateTrials.append(TuningTrial(algorithm: algorithm, configuration: configuration,
                                                       historyWeighting: weighting, validationNDCG: weighted.ndcg,
                                                       fitSeconds: report.fitSeconds))
                }
            }
            trials += candidateTrials
            let candidateBest = candidateTrials.max { $0.validationNDCG < $1.validationNDCG }!
            if candidateBest.validationNDCG > best?.validationNDCG ?? -1 {
                best = candidateBest
                sinceImprovement = 0
            } else {
                sinceImprovement += 1
                if sinceImprovement >= patience, index + 1 < candidates.count {
                    stoppedEarly = true
                    break
                }
            }
        }
        progress?(TaskProgress(phase: "tune \(dataset)", completed: candidates.count, total: candidates.count))
        guard let best else { preconditionFailure("at least one trial ran") }
        let test = try await TopNEvaluation.evaluate(split, k: k, catalogue: catalogue, algorithm: best.algorithm.rawValue,
                                                     dataset: dataset, historyWeighting: best.historyWeighting) {
            try await best.configuration.fit($0).recommender
        }
        return TuningResult(trials: trials, best: best, test: test, stoppedEarly: stoppedEarly)
    }
}
