import RecCore

/// Fits a rating predictor on a split's training part and scores it on the held-out part.
public enum RatingEvaluation {
    /// Trains with `fit` on `split.train` and measures RMSE and MAE on every rating in `split.test`
    /// (held-out users or items unknown to the model get its documented fallback).
    ///
    /// - Parameters:
    ///   - split: the fold.
    ///   - scale: the data set's rating scale.
    ///   - fit: trains a model on the training matrix.
    /// - Throws: whatever `fit` throws; ``EvaluationError`` if the test part has no ratings.
    /// - Complexity: the cost of `fit` plus O(test × cost of one prediction).
    public static func evaluate(_ split: TrainTestSplit, scale: RatingScale,
                                fit: (InteractionMatrix) throws -> any RatingPredictor) throws -> FoldReport {
        let clock = ContinuousClock()
        let matrix = InteractionMatrix(split.train, scale: scale)
        var model: (any RatingPredictor)?
        let fitTime = try clock.measure { model = try fit(matrix) }
        guard let model else { preconditionFailure("fit returned without a model") }
        var predictions: [Prediction] = []
        let predictTime = clock.measure { predictions = Self.predictions(of: model, on: split.test) }
        guard let rmse = rmse(predictions), let mae = mae(predictions) else {
            throw EvaluationError(.invalidInput, "\(split.name): the test part holds no ratings")
        }
        return FoldReport(fold: split.name, rmse: rmse, mae: mae, fitSeconds: fitTime.seconds,
                          predictSeconds: predictTime.seconds, testCount: predictions.count)
    }

    /// The model's prediction for every rated interaction in `test`.
    /// - Complexity: O(test × cost of one prediction).
    public static func predictions(of model: any RatingPredictor, on test: [Interaction]) -> [Prediction] {
        test.compactMap { interaction in
            guard let actual = interaction.value else { return nil }
            return Prediction(user: interaction.user, item: interaction.item, actual: actual,
                              predicted: model.predict(user: interaction.user, item: interaction.item))
        }
    }
}
