import RecCore

/// Chooses hyperparameters by validation error on a holdout of the training data only, never the test data.
///
/// Each candidate is fitted on the kept part of `RandomHoldout.split(train)` and scored by RMSE on
/// the held-out part; the candidate with the lowest RMSE wins (ties: the earlier candidate).
public struct HyperparameterSearch<Configuration: Sendable>: Sendable {
    /// Configurations to try, in order.
    public var candidates: [Configuration]
    /// How the validation slice is cut from the training data.
    public var holdout: RandomHoldout

    /// Creates a search.
    public init(candidates: [Configuration], holdout: RandomHoldout = RandomHoldout(fraction: 0.1, seed: 7)) {
        self.candidates = candidates
        self.holdout = holdout
    }

    /// The best candidate and every candidate's validation RMSE, in candidate order.
    ///
    /// - Parameters:
    ///   - train: training interactions (e.g. one `u1.base`).
    ///   - scale: the data set's rating scale.
    ///   - fit: trains a model for a candidate.
    /// - Throws: ``EvaluationError`` if there are no candidates or the holdout cannot be cut; whatever `fit` throws.
    /// - Complexity: candidates × (fit + validation predictions).
    public func best(on train: [Interaction], scale: RatingScale,
                     fit: (Configuration, InteractionMatrix) throws -> any RatingPredictor)
        throws -> (configuration: Configuration, validationRMSEs: [Double]) {
        guard let first = candidates.first else {
            throw EvaluationError(.invalidInput, "hyperparameter search: no candidates given")
        }
        var validation = try holdout.split(train)
        validation.name = "validation"
        var rmses: [Double] = []
        var best = (configuration: first, rmse: Double.infinity)
        for candidate in candidates {
            let report = try RatingEvaluation.evaluate(validation, scale: scale) { try fit(candidate, $0) }
            rmses.append(report.rmse)
            if report.rmse < best.rmse { best = (candidate, report.rmse) }
        }
        return (best.configuration, rmses)
    }
}
