import Foundation
import Testing
import RecCore
@testable import RecAlgorithms

/// Hand-derived biases on a 3 × 3 matrix with four missing cells:
///
///        x   y   z
///    a   5   3   ·
///    b   4   ·   1
///    c   ·   2   ·
///
/// μ = (5 + 3 + 4 + 1 + 2) / 5 = 3.
@Suite struct BaselinePredictorTests {
    let matrix = InteractionMatrix([
        Interaction(user: "a", item: "x", value: 5),
        Interaction(user: "a", item: "y", value: 3),
        Interaction(user: "b", item: "x", value: 4),
        Interaction(user: "b", item: "z", value: 1),
        Interaction(user: "c", item: "y", value: 2),
    ], scale: .oneToFive)

    /// One ALS epoch with userRegularization 2, itemRegularization 1, items first with b_u = 0:
    ///   b_x = ((5−3) + (4−3)) / (1 + 2) = 1
    ///   b_y = ((3−3) + (2−3)) / (1 + 2) = −1/3
    ///   b_z = (1−3) / (1 + 1) = −1
    /// then users against those b_i:
    ///   b_a = ((5−3−1) + (3−3+1/3)) / (2 + 2) = (4/3) / 4 = 1/3
    ///   b_b = ((4−3−1) + (1−3+1)) / (2 + 2) = −1/4
    ///   b_c = (2−3+1/3) / (2 + 1) = −2/9
    @Test func oneALSEpochMatchesHandDerivation() throws {
        let model = try BaselinePredictor.fit(matrix, configuration: .init(
            method: .alternatingLeastSquares(epochs: 1, userRegularization: 2, itemRegularization: 1)))
        #expect(abs(model.biases.globalMean - 3) < 1e-6)
        expectClose(model.biases.itemBiases, [1, -1.0 / 3, -1])
        expectClose(model.biases.userBiases, [1.0 / 3, -0.25, -2.0 / 9])
        #expect(abs(model.predict(user: "c", item: "x") - (3 + 1 - 2.0 / 9)) < 1e-5)
    }

    /// One SGD epoch, learning rate 0.1, regularisation 0.5, ratings by user in input order, from zero biases
    /// (err = r − (μ + b_u + b_i); both biases step with the same err):
    ///   (a,x,5): err = 2;                 b_a = 0.2;                       b_x = 0.2
    ///   (a,y,3): err = 3 − 3.2 = −0.2;    b_a = 0.2 + 0.1(−0.2 − 0.1) = 0.17;  b_y = −0.02
    ///   (b,x,4): err = 4 − 3.2 = 0.8;     b_b = 0.08;                      b_x = 0.2 + 0.1(0.8 − 0.1) = 0.27
    ///   (b,z,1): err = 1 − 3.08 = −2.08;  b_b = 0.08 + 0.1(−2.08 − 0.04) = −0.132;  b_z = −0.208
    ///   (c,y,2): err = 2 − 2.98 = −0.98;  b_c = −0.098;                    b_y = −0.02 + 0.1(−0.98 + 0.01) = −0.117
    @Test func oneSGDEpochMatchesHandDerivation() throws {
        let model = try BaselinePredictor.fit(matrix, configuration: .init(
            method: .stochasticGradientDescent(epochs: 1, learningRate: 0.1, regularization: 0.5)))
        expectClose(model.biases.userBiases, [0.17, -0.132, -0.098])
        expectClose(model.biases.itemBiases, [0.27, -0.117, -0.208])
    }

    @Test func defaultsAreSurprises() {
        #expect(BaselineConfiguration().method == .alternatingLeastSquares(epochs: 10, userRegularization: 15, itemRegularization: 10))
        #expect(BaselineConfiguration.Method.stochasticGradientDescent()
            == .stochasticGradientDescent(epochs: 20, learningRate: 0.005, regularization: 0.02))
    }

    @Test func negativeRegularizationIsRejectedNamingTheField() {
        let error = #expect(throws: AlgorithmError.self) {
            try BaselinePredictor.fit(matrix, configuration: .init(
                method: .alternatingLeastSquares(epochs: 1, userRegularization: -1, itemRegularization: 1)))
        }
        #expect(error?.code == .invalidConfiguration)
        #expect(error?.message.contains("userRegularization") == true)
    }

    @Test func configurationRoundTripsThroughJSON() throws {
        let configuration = BaselineConfiguration(method: .stochasticGradientDescent(epochs: 3, learningRate: 0.01, regularization: 0.1))
        let decoded = try JSONDecoder().decode(BaselineConfiguration.self, from: JSONEncoder().encode(configuration))
        #expect(decoded == configuration)
    }

    private func expectClose(_ actual: [Float], _ expected: [Double], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(actual.count == expected.count, sourceLocation: sourceLocation)
        for (a, e) in zip(actual, expected) { #expect(abs(Double(a) - e) < 1e-5, sourceLocation: sourceLocation) }
    }
}
