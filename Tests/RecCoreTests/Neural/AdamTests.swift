import Testing
import RecCore

@Suite struct AdamTests {
    /// After one step m̂ = g and v̂ = g², so each parameter moves by α·g/(|g| + ε), after decay by 1 − αλ.
    @Test func firstStepMovesEachParameterByTheLearningRate() {
        var adam = Adam(parameterCount: 9, configuration: AdamConfiguration(learningRate: 0.1, weightDecay: 0.5))
        var parameters: [Float] = [1, 2, 3, 4, 5, 6, 7, 8, 9]
        let gradients: [Float] = [1, -1, 0.001, -100, 2, 0, 3, -3, 0.5]
        adam.step(&parameters, gradients: gradients)
        for k in 0..<9 {
            let g = Double(gradients[k])
            let expected = Double(k + 1) * (1 - 0.05) - 0.1 * g / (abs(g) + 1e-8)
            #expect(abs(Double(parameters[k]) - expected) < 1e-5, "parameter \(k)")
        }
        #expect(adam.steps == 1)
    }

    /// Minimises Σ (θ_k − t_k)² from zero: Adam must reach the targets.
    @Test func minimisesAQuadratic() {
        let targets: [Float] = (0..<13).map { Float($0) / 4 - 1 }
        var parameters = [Float](repeating: 0, count: 13)
        var adam = Adam(parameterCount: 13, configuration: AdamConfiguration(learningRate: 0.05))
        for _ in 0..<2000 {
            adam.step(&parameters, gradients: zip(parameters, targets).map { 2 * ($0 - $1) })
        }
        #expect(zip(parameters, targets).allSatisfy { abs($0 - $1) < 1e-3 })
    }

    @Test(arguments: [
        AdamConfiguration(learningRate: 0), AdamConfiguration(learningRate: -1), AdamConfiguration(learningRate: .nan),
        AdamConfiguration(beta1: 1), AdamConfiguration(beta2: -0.1), AdamConfiguration(epsilon: 0),
        AdamConfiguration(weightDecay: -1),
    ])
    func outOfRangeOptionsAreNamed(configuration: AdamConfiguration) {
        #expect(configuration.invalidField != nil)
    }

    @Test func defaultsAreValid() {
        #expect(AdamConfiguration().invalidField == nil)
    }
}
