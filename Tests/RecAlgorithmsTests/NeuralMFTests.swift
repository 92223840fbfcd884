import Testing
import RecCore
@testable import RecAlgorithms

@Suite struct NeuralMFTests {
    @Test func overfitsTwentyRatingsToNearZeroLoss() throws {
        let matrix = NeuralToySet.matrix
        let model = try NeuralMF.fit(matrix, features: ItemFeatures(catalogue: NeuralToySet.catalogue, items: matrix.items),
                                     configuration: .init(factors: 8, hiddenLayers: [16], dropout: 0,
                                                          embeddingStandardDeviation: 0.1, embeddingRegularization: 0,
                                                          training: NeuralToySet.memorising(epochs: 400)))
        #expect(NeuralToySet.trainingRMSE(model) < 0.05)
        let curve = model.history.trainingRMSEs
        #expect(curve.count == 400)
        #expect(curve.last! < curve.first! / 10)
    }

    /// Two workers sum their shares of each batch in worker order, so scheduling never changes the result.
    @Test func sameSeedGivesTheSameModel() throws {
        let configuration = NeuralMFConfiguration(factors: 4, hiddenLayers: [8, 4], dropout: 0.2,
                                                  training: .init(epochs: 5, batchSize: 6, validationFraction: 0.2, seed: 3))
        let first = try NeuralMF.fit(NeuralToySet.matrix, configuration: configuration)
        let second = try NeuralMF.fit(NeuralToySet.matrix, configuration: configuration)
        #expect(first.parameters.map(\.bitPattern) == second.parameters.map(\.bitPattern))
        var other = configuration
        other.training.seed = 4
        #expect(try NeuralMF.fit(NeuralToySet.matrix, configuration: other).parameters != first.parameters)
    }

    /// The analytic gradient of the whole network (embeddings, GMF product, MLP, biases) against central differences
    /// of the squared error on one rating plus the L2 penalty λ(‖p_u‖² + ‖q_i‖² + b_u² + b_i²), through the model's
    /// own forward pass.
    @Test func networkGradientMatchesFiniteDifferences() throws {
        let matrix = NeuralToySet.matrix
        let features = ItemFeatures(catalogue: NeuralToySet.catalogue, items: matrix.items)
        var generator = SplitMix64(seed: 5)
        var allocator = ParameterAllocator()
        let baseline = try BaselinePredictor.fit(matrix).biases
        let network = NeuralMFNetwork(users: matrix.users.count, items: matrix.items.count, baseline: baseline,
                                      featureDimension: features.dimension,
                                      configuration: .init(factors: 3, hiddenLayers: [5, 4], dropout: 0,
                                                           embeddingStandardDeviation: 0.5),
                                      allocator: &allocator, generator: &generator)
        let parameters = allocator.values.map { $0 + Float.random(in: -0.05...0.05, using: &generator) }
        let workspace = NeuralMFNetwork.Workspace(network)
        let lambda: Float = 0.3
        func loss(_ parameters: [Float], gradients: UnsafeMutablePointer<Float>? = nil) -> Double {
            var scratch = [Float](repeating: 0, count: workspace.size)
            var noDropout: SplitMix64? = SplitMix64(seed: 1)
            return parameters.withUnsafeBufferPointer { p in
                features.values.withUnsafeBufferPointer { f in
                    scratch.withUnsafeMutableBufferPointer { s in
                        let prediction = network.forward(p.baseAddress!, user: 1, item: 2, features: f, workspace: workspace,
                                                         scratch: s.baseAddress!, generator: &noDropout)
                        if let gradients {
                            network.backward(p.baseAddress!, user: 1, item: 2,
                                             gradient: MeanSquaredError.gradient(prediction: prediction, target: 4, batchSize: 1),
                                             penalty: 2 * lambda, workspace: workspace, scratch: s.baseAddress!,
                                             parameterGradients: gradients)
                        }
                        let used = [network.userEmbeddings.start(of: 1)..<network.userEmbeddings.start(of: 2),
                                    network.itemEmbeddings.start(of: 2)..<network.itemEmbeddings.start(of: 3),
                                    network.userBiases.start(of: 1)..<network.userBiases.start(of: 2),
                                    network.itemBiases.start(of: 2)..<network.itemBiases.start(of: 3)]
                        let squares = used.flatMap { $0 }.reduce(0.0) { $0 + Double(parameters[$1] * parameters[$1]) }
                        return Double(MeanSquaredError.loss(prediction: prediction, target: 4)) + Double(lambda) * squares
                    }
                }
            }
        }
        var analytic = [Float](repeating: 0, count: parameters.count)
        _ = analytic.withUnsafeMutableBufferPointer { loss(parameters, gradients: $0.baseAddress!) }
        var numeric = [Double](repeating: 0, count: parameters.count)
        let step: Float = 1e-2
        for k in parameters.indices {
            var plus = parameters, minus = parameters
            plus[k] += step
            minus[k] -= step
            numeric[k] = (loss(plus) - loss(minus)) / Double(plus[k] - minus[k])
        }
        let worst = zip(analytic, numeric).map { abs(Double($0) - $1) / max(1, abs($1)) }.max()!
        #expect(worst < 2e-3)
        #expect(analytic.contains { $0 != 0 })
    }

    @Test func itemsWithoutCatalogueEntriesGetTheMissingFlagAndFinitePredictions() throws {
        let matrix = NeuralToySet.matrix
        let features = ItemFeatures(catalogue: NeuralToySet.catalogue, items: matrix.items)
        let genres = 5
        #expect(features.dimension == genres + 3)
        let m6 = try #require(matrix.items.index(of: "m6")), m5 = try #require(matrix.items.index(of: "m5"))
        #expect(Array(features.values[m6 * 8..<m6 * 8 + 8]) == [0, 0, 0, 0, 0, 0, 0, 1])
        #expect(features.values[m5 * 8 + genres + 1] == 1, "m5 has no year")
        let model = try NeuralMF.fit(matrix, features: features,
                                     configuration: .init(factors: 2, hiddenLayers: [4], training: NeuralToySet.memorising(epochs: 3)))
        #expect(model.predict(user: "b", item: "m6").isFinite)
    }

    @Test(arguments: [
        (NeuralMFConfiguration(hiddenLayers: [0]), "hiddenLayers"),
        (NeuralMFConfiguration(hiddenLayers: []), "hiddenLayers"),
        (NeuralMFConfiguration(factors: 0), "factors"),
        (NeuralMFConfiguration(dropout: 1), "dropout"),
        (NeuralMFConfiguration(embeddingRegularization: .infinity), "embeddingRegularization"),
        (NeuralMFConfiguration(training: .init(optimizer: .init(learningRate: 0))), "training.optimizer.learningRate"),
        (NeuralMFConfiguration(training: .init(optimizer: .init(learningRate: -0.1))), "training.optimizer.learningRate"),
        (NeuralMFConfiguration(training: .init(batchSize: 0)), "training.batchSize"),
        (NeuralMFConfiguration(training: .init(threads: 0)), "training.threads"),
    ])
    func absurdHyperparametersAreRejectedByName(configuration: NeuralMFConfiguration, field: String) {
        let error = #expect(throws: AlgorithmError.self) { try NeuralMF.fit(NeuralToySet.matrix, configuration: configuration) }
        #expect(error?.code == .invalidConfiguration)
        #expect(error?.message.contains("'\(field)'") == true, "\(error?.message ?? "")")
    }

    @Test func nanInFeaturesIsRejectedNamingTheCell() {
        let error = #expect(throws: AlgorithmError.self) { try ItemFeatures(items: 2, dimension: 3, values: [0, 1, 2, 3, .nan, 5]) }
        #expect(error?.message.contains("row 1 column 1") == true)
        #expect(throws: AlgorithmError.self) { try ItemFeatures(items: 2, dimension: 3, values: [0, 1]) }
    }

    @Test func featuresOfTheWrongShapeAreRejected() throws {
        let features = try ItemFeatures(items: 2, dimension: 1, values: [0, 1])
        #expect(throws: AlgorithmError.self) { try NeuralMF.fit(NeuralToySet.matrix, features: features) }
    }

    /// A step size that makes the loss overflow must end in an error naming the learning rate, not in a NaN model.
    @Test func divergenceIsAnErrorNotANaNModel() {
        let configuration = NeuralMFConfiguration(factors: 4, hiddenLayers: [8], dropout: 0, embeddingStandardDeviation: 1,
                                                  training: .init(epochs: 50, batchSize: 20,
                                                                  optimizer: .init(learningRate: 1e30), validationFraction: 0))
        let error = #expect(throws: AlgorithmError.self) { try NeuralMF.fit(NeuralToySet.matrix, configuration: configuration) }
        #expect(error?.message.contains("learningRate") == true)
    }
}
