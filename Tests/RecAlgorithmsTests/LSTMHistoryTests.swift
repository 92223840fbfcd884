import Testing
import RecCore
@testable import RecAlgorithms

@Suite struct LSTMHistoryTests {
    @Test func overfitsTwentyRatingsToNearZeroLoss() throws {
        let matrix = NeuralToySet.matrix
        let model = try LSTMHistory.fit(
            matrix, timestamps: NeuralToySet.timestamps,
            features: ItemFeatures(catalogue: NeuralToySet.catalogue, items: matrix.items),
            configuration: .init(historyLength: 3, itemFactors: 6, hiddenUnits: 8, outputHiddenUnits: 16, dropout: 0,
                                 embeddingStandardDeviation: 0.1, training: NeuralToySet.memorising(epochs: 600)))
        // Training samples read only earlier ratings; predictions read the latest ones, so measure the samples
        // the way training saw them: the training curve.
        #expect(model.history.trainingRMSEs.last! < 0.05)
        #expect(model.history.trainingRMSEs.count == 600)
    }

    /// Each sample's history holds only the user's ratings with earlier times (ties by entry order), at most k.
    @Test func historiesNeverReadTheFuture() {
        let matrix = NeuralToySet.matrix, timestamps = NeuralToySet.timestamps
        let histories = RatingHistories(matrix, entries: Array(0..<Int32(matrix.entryCount)), timestamps: timestamps)
        for entry in 0..<matrix.entryCount {
            let user = Int(matrix.entryUsers[entry])
            let past = histories.history(before: entry, user: user, length: 2)
            let earlier = (0..<matrix.entryCount).filter {
                Int(matrix.entryUsers[$0]) == user && (timestamps[$0], $0) < (timestamps[entry], entry)
            }
            #expect(past.count == min(2, earlier.count))
            for previous in past {
                #expect(Int(matrix.entryUsers[Int(previous)]) == user)
                #expect((timestamps[Int(previous)], Int(previous)) < (timestamps[entry], entry))
            }
            let expected = earlier.sorted { (timestamps[$0], $0) < (timestamps[$1], $1) }.suffix(2).map(Int32.init)
            #expect(Array(past) == expected)
        }
    }

    /// A user's first rating is a sample with an empty history (h = 0); a user with a single rating still gets a
    /// finite prediction, and so does an item without features.
    @Test func usersWithOneRatingAndItemsWithoutFeaturesGiveFinitePredictions() throws {
        var interactions = NeuralToySet.interactions
        interactions.append(Interaction(user: "solo", item: "m6", value: 4, timestamp: 5))
        let matrix = InteractionMatrix(interactions, scale: .oneToFive)
        let model = try LSTMHistory.fit(matrix, timestamps: interactions.map { $0.timestamp! },
                                        features: ItemFeatures(catalogue: NeuralToySet.catalogue, items: matrix.items),
                                        configuration: .init(historyLength: 2, itemFactors: 3, hiddenUnits: 3,
                                                             outputHiddenUnits: 4, training: NeuralToySet.memorising(epochs: 5)))
        for item in ["m1", "m6"] {
            let prediction = model.predict(user: "solo", item: ItemID(item))
            #expect(prediction.isFinite && prediction >= 1 && prediction <= 5)
        }
        #expect(model.userStates.allSatisfy { $0.isFinite })
    }

    @Test(arguments: [
        (LSTMHistoryConfiguration(historyLength: 0), "historyLength"),
        (LSTMHistoryConfiguration(hiddenUnits: 0), "hiddenUnits"),
        (LSTMHistoryConfiguration(outputHiddenUnits: 0), "outputHiddenUnits"),
        (LSTMHistoryConfiguration(training: .init(optimizer: .init(learningRate: -1))), "training.optimizer.learningRate"),
    ])
    func absurdHyperparametersAreRejectedByName(configuration: LSTMHistoryConfiguration, field: String) {
        let error = #expect(throws: AlgorithmError.self) { try LSTMHistory.fit(NeuralToySet.matrix, configuration: configuration) }
        #expect(error?.message.contains("'\(field)'") == true, "\(error?.message ?? "")")
    }

    @Test func timestampsOfTheWrongLengthAreRejected() {
        let error = #expect(throws: AlgorithmError.self) { try LSTMHistory.fit(NeuralToySet.matrix, timestamps: [1, 2]) }
        #expect(error?.message.contains("2 timestamps for 20 ratings") == true)
    }

    /// The whole network's gradient (head, LSTM through time, history and target embeddings, biases) against central
    /// differences of one sample's squared error.
    @Test func networkGradientMatchesFiniteDifferences() throws {
        let matrix = NeuralToySet.matrix
        let features = ItemFeatures(catalogue: NeuralToySet.catalogue, items: matrix.items)
        var generator = SplitMix64(seed: 5)
        var allocator = ParameterAllocator()
        let network = LSTMHistoryNetwork(items: matrix.items.count, baseline: try BaselinePredictor.fit(matrix).biases,
                                         featureDimension: features.dimension,
                                         configuration: .init(historyLength: 3, itemFactors: 2, hiddenUnits: 3,
                                                              outputHiddenUnits: 4, dropout: 0, embeddingStandardDeviation: 0.5),
                                         allocator: &allocator, generator: &generator)
        let parameters = allocator.values.map { $0 + Float.random(in: -0.05...0.05, using: &generator) }
        let workspace = LSTMHistoryNetwork.Workspace(network)
        let past: ArraySlice<Int32> = [4, 9, 13]
        let user = Int(matrix.entryUsers[17]), item = Int(matrix.entryItems[17])
        func loss(_ parameters: [Float], gradients: UnsafeMutablePointer<Float>? = nil) -> Double {
            var scratch = [Float](repeating: 0, count: workspace.size)
            var trace = LSTMTrace(for: network.cell, capacity: 3)
            var noDropout: SplitMix64? = SplitMix64(seed: 1)
            return parameters.withUnsafeBufferPointer { p in
            features.values.withUnsafeBufferPointer { f in
            matrix.entryItems.withUnsafeBufferPointer { items in
            matrix.entryValues.withUnsafeBufferPointer { values in
            scratch.withUnsafeMutableBufferPointer { s in
                network.encode(p.baseAddress!, history: past, entryItems: items, entryValues: values, features: f,
                               workspace: workspace, scratch: s.baseAddress!, trace: &trace)
                let prediction = trace.lastHidden.withUnsafeBufferPointer { state in
                    network.predict(p.baseAddress!, state: state.baseAddress!, user: user, item: item, features: f,
                                    workspace: workspace, scratch: s.baseAddress!, generator: &noDropout)
                }
                if let gradients {
                    network.backward(p.baseAddress!, user: user, item: item, history: past, entryItems: items,
                                     gradient: MeanSquaredError.gradient(prediction: prediction, target: 2, batchSize: 1),
                                     workspace: workspace, scratch: s.baseAddress!, trace: &trace,
                                     parameterGradients: gradients)
                }
                return Double(MeanSquaredError.loss(prediction: prediction, target: 2))
            }}}}}
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
        let historyItem = Int(matrix.entryItems[4])
        #expect(analytic[network.itemEmbeddings.start(of: historyItem)] != 0, "history embeddings receive gradient")
    }
}
