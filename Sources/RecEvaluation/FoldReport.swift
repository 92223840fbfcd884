/// Accuracy and cost of one model on one fold. Encodes with the keys other tools read:
/// `fold`, `rmse`, `mae`, `fit_seconds`, `predict_seconds`, `test_count`.
public struct FoldReport: Sendable, Hashable, Codable {
    /// The fold's name, e.g. `"u1"`.
    public var fold: String
    /// Root mean squared error on the held-out ratings.
    public var rmse: Double
    /// Mean absolute error on the held-out ratings.
    public var mae: Double
    /// Wall-clock seconds to fit.
    public var fitSeconds: Double
    /// Wall-clock seconds to predict every held-out rating.
    public var predictSeconds: Double
    /// Number of held-out ratings.
    public var testCount: Int

    /// Creates a fold report.
    public init(fold: String, rmse: Double, mae: Double, fitSeconds: Double, predictSeconds: Double, testCount: Int) {
        self.fold = fold
        self.rmse = rmse
        self.mae = mae
        self.fitSeconds = fitSeconds
        self.predictSeconds = predictSeconds
        self.testCount = testCount
    }

    enum CodingKeys: String, CodingKey {
        case fold, rmse, mae
        case fitSeconds = "fit_seconds"
        case predictSeconds = "predict_seconds"
        case testCount = "test_count"
    }
}
