import Testing
import RecCore

@Suite struct MeanSquaredErrorTests {
    @Test func gradientMatchesFiniteDifferences() {
        let check = GradientCheck()
        let predictions: [Float] = [3.5, 1, 4.75]
        let targets: [Float] = [4, 1, 2]
        func loss(_ p: [Float]) -> Double {
            zip(p, targets).reduce(0) { $0 + Double(MeanSquaredError.loss(prediction: $1.0, target: $1.1)) } / 3
        }
        let analytic = zip(predictions, targets).map { MeanSquaredError.gradient(prediction: $0, target: $1, batchSize: 3) }
        #expect(check.worstError(analytic: analytic, numeric: check.numeric(predictions, loss: loss)) < check.tolerance)
        #expect(MeanSquaredError.loss(prediction: 3.5, target: 4) == 0.25)
    }
}
