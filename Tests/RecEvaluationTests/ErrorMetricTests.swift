import Testing
import RecCore
import RecEvaluation

@Suite struct ErrorMetricTests {
    /// Errors −1, 0, +2: RMSE = √(5/3), MAE = 1, by hand.
    let predictions = [
        Prediction(user: "a", item: "x", actual: 4, predicted: 3),
        Prediction(user: "a", item: "y", actual: 2, predicted: 2),
        Prediction(user: "b", item: "x", actual: 1, predicted: 3),
    ]

    @Test func rmseMatchesHandComputedValue() throws {
        #expect(abs(try #require(rmse(predictions)) - (5.0 / 3.0).squareRoot()) < 1e-12)
    }

    @Test func maeMatchesHandComputedValue() throws {
        #expect(abs(try #require(mae(predictions)) - 1.0) < 1e-12)
    }

    @Test func noPredictionsHaveNoError() {
        #expect(rmse([]) == nil)
        #expect(mae([]) == nil)
    }
}
