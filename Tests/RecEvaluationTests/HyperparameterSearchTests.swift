import Testing
import RecCore
import RecEvaluation

/// Predicts one constant everywhere: the simplest model whose best setting is known by hand.
private struct ConstantPredictor: RatingPredictor {
    let value: Float
    let scale: RatingScale
    func predict(user: UserID, item: ItemID) -> Float { value }
}

@Suite struct HyperparameterSearchTests {
    /// Every rating is 4, so the constant 4 has validation RMSE 0 and must win.
    @Test func picksTheCandidateWithLowestValidationError() throws {
        let train = (0..<50).map { Interaction(user: UserID("u\($0)"), item: "x", value: 4) }
        let search = HyperparameterSearch(candidates: [Float(2), 4, 5])
        let result = try search.best(on: train, scale: .oneToFive) { value, matrix in
            ConstantPredictor(value: value, scale: matrix.scale)
        }
        #expect(result.configuration == 4)
        #expect(result.validationRMSEs.count == 3)
        #expect(result.validationRMSEs[1] == 0)
        #expect(abs(result.validationRMSEs[0] - 2) < 1e-9)
    }

    @Test func noCandidatesIsAnError() {
        let search = HyperparameterSearch<Float>(candidates: [])
        #expect(throws: EvaluationError.self) {
            try search.best(on: [], scale: .oneToFive) { v, m in ConstantPredictor(value: v, scale: m.scale) }
        }
    }
}
