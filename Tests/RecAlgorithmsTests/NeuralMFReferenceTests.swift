import Foundation
import Testing
import RecCore
import RecTestSupport
@testable import RecAlgorithms

/// Neural MF against numpy: the network Swift builds for the toy set is exported as
/// `Tests/Fixtures/reference/neural-mf-sgd-input.json`; `scripts/reference/neural_mf_sgd.py` trains it for one epoch
/// of plain SGD (one rating per step, no dropout) and writes `neural-mf-sgd.json`; Swift's forward and backward
/// passes, driven the same way, must reach the same weights and predictions within 1e-4.
@Suite struct NeuralMFReferenceTests {
    struct Input: Codable {
        struct Sample: Codable {
            var user: Int
            var item: Int
            var rating: Float
        }

        var network: NeuralMFNetwork
        var parameters: [Float]
        var features: [Float]
        var samples: [Sample]
        var learningRate: Float
    }

    struct Reference: Decodable {
        var tolerance: Double
        var parameters: [Double]
        var predictions: [Double]
    }

    static let inputURL = TestData.fixture("reference/neural-mf-sgd-input.json")

    /// The exported network: the toy set's, with seed 11, two hidden layers and no dropout.
    static func input() throws -> Input {
        let matrix = NeuralToySet.matrix
        let features = ItemFeatures(catalogue: NeuralToySet.catalogue, items: matrix.items)
        var generator = SplitMix64(seed: 11)
        var allocator = ParameterAllocator()
        let network = NeuralMFNetwork(users: matrix.users.count, items: matrix.items.count,
                                      baseline: try BaselinePredictor.fit(matrix).biases, featureDimension: features.dimension,
                                      configuration: .init(factors: 3, hiddenLayers: [4, 3], dropout: 0,
                                                           embeddingStandardDeviation: 0.3),
                                      allocator: &allocator, generator: &generator)
        let samples = (0..<matrix.entryCount).map {
            Input.Sample(user: Int(matrix.entryUsers[$0]), item: Int(matrix.entryItems[$0]), rating: matrix.entryValues[$0])
        }
        return Input(network: network, parameters: allocator.values, features: features.values, samples: samples,
                     learningRate: 0.05)
    }

    /// `MARQUEE_EXPORT_FIXTURES=1` rewrites the input fixture; every run checks the committed one is still what Swift
    /// builds, so the numpy reference never goes stale silently.
    @Test func committedInputIsTheNetworkSwiftBuilds() throws {
        let input = try Self.input()
        if ProcessInfo.processInfo.environment["MARQUEE_EXPORT_FIXTURES"] == "1" {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            try encoder.encode(input).write(to: Self.inputURL)
        }
        let committed = try JSONDecoder().decode(Input.self, from: Data(contentsOf: Self.inputURL))
        #expect(committed.network == input.network)
        #expect(committed.parameters == input.parameters)
        #expect(committed.features == input.features)
    }

    @Test func oneEpochOfSGDMatchesNumpy() throws {
        let input = try JSONDecoder().decode(Input.self, from: Data(contentsOf: Self.inputURL))
        let reference = try JSONDecoder().decode(
            Reference.self, from: Data(contentsOf: TestData.fixture("reference/neural-mf-sgd.json")))
        let network = input.network
        let workspace = NeuralMFNetwork.Workspace(network)
        var parameters = input.parameters
        var gradients = [Float](repeating: 0, count: parameters.count)
        var scratch = [Float](repeating: 0, count: workspace.size)
        func predict(_ sample: Input.Sample, accumulate: Bool) -> Float {
            var rateZero: SplitMix64? = SplitMix64(seed: 0)
            return parameters.withUnsafeBufferPointer { p in
                input.features.withUnsafeBufferPointer { f in
                    scratch.withUnsafeMutableBufferPointer { s in
                        gradients.withUnsafeMutableBufferPointer { g in
                            let prediction = network.forward(p.baseAddress!, user: sample.user, item: sample.item, features: f,
                                                             workspace: workspace, scratch: s.baseAddress!, generator: &rateZero)
                            if accumulate {
                                network.backward(p.baseAddress!, user: sample.user, item: sample.item,
                                                 gradient: MeanSquaredError.gradient(prediction: prediction,
                                                                                     target: sample.rating, batchSize: 1),
                                                 workspace: workspace, scratch: s.baseAddress!, parameterGradients: g.baseAddress!)
                            }
                            return prediction
                        }
                    }
                }
            }
        }
        for sample in input.samples {
            for k in gradients.indices { gradients[k] = 0 }
            _ = predict(sample, accumulate: true)
            for k in parameters.indices { parameters[k] -= input.learningRate * gradients[k] }
        }
        #expect(parameters.count == reference.parameters.count)
        let worstParameter = zip(parameters, reference.parameters).map { abs(Double($0) - $1) }.max()!
        let predictions = input.samples.map { predict($0, accumulate: false) }
        let worstPrediction = zip(predictions, reference.predictions).map { abs(Double($0) - $1) }.max()!
        #expect(worstParameter < reference.tolerance)
        #expect(worstPrediction < reference.tolerance)
        #expect(zip(parameters, input.parameters).contains { abs($0 - $1) > 1e-3 }, "the epoch must move the weights")
    }
}
