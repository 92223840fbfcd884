import Testing
import RecCore
@testable import RecAlgorithms

@Suite struct AutoRecTests {
    @Test func overfitsTwentyRatingsToNearZeroLoss() throws {
        let model = try AutoRec.fit(NeuralToySet.matrix,
                                    configuration: .init(hiddenUnits: 16, initialStandardDeviation: 0.1, regularization: 0,
                                                         training: NeuralToySet.memorising(epochs: 1500, learningRate: 0.01)))
        #expect(NeuralToySet.trainingRMSE(model) < 0.05)
        #expect(model.history.trainingRMSEs.last! < 0.05)
    }

    /// Encoder, bag and decoder gradients of one item's reconstruction against central differences.
    @Test func networkGradientMatchesFiniteDifferences() throws {
        let matrix = NeuralToySet.matrix
        var generator = SplitMix64(seed: 5)
        var allocator = ParameterAllocator()
        let network = AutoRecNetwork(users: matrix.users.count, baseline: try BaselinePredictor.fit(matrix).biases,
                                     configuration: .init(hiddenUnits: 4, initialStandardDeviation: 0.3),
                                     allocator: &allocator, generator: &generator)
        let parameters = allocator.values
        let users: [Int32] = [0, 2, 3], values: [Float] = [0.5, -1, 0.25]
        func loss(_ parameters: [Float], gradients: UnsafeMutablePointer<Float>? = nil) -> Double {
            var scratch = [Float](repeating: 0, count: 8)
            var sink = [Float](repeating: 0, count: parameters.count)
            return parameters.withUnsafeBufferPointer { p in
                users.withUnsafeBufferPointer { u in
                    values.withUnsafeBufferPointer { v in
                        scratch.withUnsafeMutableBufferPointer { s in
                            sink.withUnsafeMutableBufferPointer { sink in
                                network.accumulateGradient(p.baseAddress!, users: u, values: v, batchSize: 1,
                                                           scratch: s.baseAddress!, gradients: gradients ?? sink.baseAddress!)
                            }
                        }
                    }
                }
            }
        }
        var analytic = [Float](repeating: 0, count: parameters.count)
        _ = analytic.withUnsafeMutableBufferPointer { loss(parameters, gradients: $0.baseAddress!) }
        let step: Float = 1e-2
        let numeric = parameters.indices.map { k -> Double in
            var plus = parameters, minus = parameters
            plus[k] += step
            minus[k] -= step
            return (loss(plus) - loss(minus)) / Double(plus[k] - minus[k])
        }
        let worst = zip(analytic, numeric).map { abs(Double($0) - $1) / max(1, abs($1)) }.max()!
        #expect(worst < 2e-3)
        #expect(analytic.contains { $0 != 0 })
    }

    @Test func earlyStoppingRecordsValidationAndKeepsABestEpoch() throws {
        let model = try AutoRec.fit(NeuralToySet.matrix,
                                    configuration: .init(hiddenUnits: 8, training: .init(epochs: 30, batchSize: 2,
                                                                                         validationFraction: 0.25, patience: 2)))
        let best = try #require(model.history.bestEpoch)
        let rmses = model.history.validationRMSEs
        #expect(rmses[best - 1] == rmses.min())
        #expect(rmses.count == 30 || rmses.count == best + 2)
    }

    @Test(arguments: [
        (AutoRecConfiguration(hiddenUnits: 0), "hiddenUnits"),
        (AutoRecConfiguration(training: .init(optimizer: .init(learningRate: 0))), "training.optimizer.learningRate"),
        (AutoRecConfiguration(training: .init(validationFraction: 1)), "training.validationFraction"),
        (AutoRecConfiguration(initialStandardDeviation: .nan), "initialStandardDeviation"),
        (AutoRecConfiguration(regularization: -1), "regularization"),
    ])
    func absurdHyperparametersAreRejectedByName(configuration: AutoRecConfiguration, field: String) {
        let error = #expect(throws: AlgorithmError.self) { try AutoRec.fit(NeuralToySet.matrix, configuration: configuration) }
        #expect(error?.message.contains("'\(field)'") == true, "\(error?.message ?? "")")
    }
}
