import Foundation
import Testing
import RecCore
import RecText

@Suite struct SentimentClassifierTests {
    /// Two Gaussian clouds in 16 dimensions, centred at ±0.5 on the first axis (σ = 0.1): linearly separable.
    static func clouds(count: Int, seed: UInt64) -> (embeddings: [[Float]], labels: [Bool]) {
        var generator = SplitMix64(seed: seed)
        var embeddings: [[Float]] = [], labels: [Bool] = []
        for index in 0..<count {
            let isPositive = index % 2 == 0
            var vector = generator.gaussians(count: 16, standardDeviation: 0.1)
            vector[0] += isPositive ? 0.5 : -0.5
            embeddings.append(vector)
            labels.append(isPositive)
        }
        return (embeddings, labels)
    }

    @Test func probabilityIsTheLogisticOfTheScore() {
        let classifier = SentimentClassifier(weights: [1, -1], bias: 0.5)
        #expect(abs(classifier.probability(of: [2, 1]) - 1 / (1 + exp(-1.5))) < 1e-6)
        #expect(abs(classifier.probability(of: [0, 0.5]) - 0.5) < 1e-6)
        #expect(classifier.probability(of: [-200, 0]) == 0, "underflows to 0, not NaN")
        #expect(classifier.probability(of: [200, 0]) == 1)
    }

    @Test func separableCloudsAreLearnedAndGeneraliseToFreshPoints() throws {
        let train = Self.clouds(count: 200, seed: 1), test = Self.clouds(count: 200, seed: 2)
        let classifier = try SentimentClassifier.train(embeddings: train.embeddings, labels: train.labels)
        #expect(classifier.dimension == 16)
        #expect(classifier.accuracy(on: train.embeddings, labels: train.labels) == 1)
        #expect(classifier.accuracy(on: test.embeddings, labels: test.labels) == 1)
        #expect(classifier.probability(of: [0.5] + Array(repeating: 0, count: 15)) > 0.7)
        #expect(classifier.probability(of: [-0.5] + Array(repeating: 0, count: 15)) < 0.3)
    }

    @Test func theSameSeedGivesTheSameClassifier() throws {
        let data = Self.clouds(count: 100, seed: 3)
        let first = try SentimentClassifier.train(embeddings: data.embeddings, labels: data.labels,
                                                  configuration: .init(seed: 7))
        let again = try SentimentClassifier.train(embeddings: data.embeddings, labels: data.labels,
                                                  configuration: .init(seed: 7))
        let other = try SentimentClassifier.train(embeddings: data.embeddings, labels: data.labels,
                                                  configuration: .init(seed: 8))
        #expect(first == again)
        #expect(first != other)
    }

    @Test func stronglyRegularisedWeightsAreSmaller() throws {
        let data = Self.clouds(count: 100, seed: 4)
        let loose = try SentimentClassifier.train(embeddings: data.embeddings, labels: data.labels, configuration: .init(regularization: 0))
        let tight = try SentimentClassifier.train(embeddings: data.embeddings, labels: data.labels, configuration: .init(regularization: 50))
        #expect(abs(tight.weights[0]) < abs(loose.weights[0]) / 2)
    }

    @Test func aCodedClassifierDecodesToTheSameOne() throws {
        let data = Self.clouds(count: 50, seed: 5)
        let classifier = try SentimentClassifier.train(embeddings: data.embeddings, labels: data.labels)
        let decoded = try JSONDecoder().decode(SentimentClassifier.self, from: try JSONEncoder().encode(classifier))
        #expect(decoded == classifier)
        #expect(decoded.probabilities(of: data.embeddings) == classifier.probabilities(of: data.embeddings))
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(SentimentClassifier.self, from: Data(#"{"weights": [], "bias": 0}"#.utf8))
        }
    }

    @Test func badTrainingDataIsRejectedWithTheReason() throws {
        let cases: [([[Float]], [Bool], String)] = [
            ([], [], "got 0 embedding(s)"),
            ([[], []], [true, false], "of length 0"),
            ([[1, 0], [0, 1]], [true], "2 embeddings but 1 labels"),
            ([[1, 0], [0, 1]], [true, true], "all positive"),
            ([[1, 0], [0, 1, 2]], [true, false], "embedding 1 has 3 values"),
            ([[1, 0], [.nan, 1]], [true, false], "not all finite"),
        ]
        for (embeddings, labels, message) in cases {
            let error = try #require(throws: TextError.self) {
                try SentimentClassifier.train(embeddings: embeddings, labels: labels)
            }
            #expect(error.code == .invalidTrainingData)
            #expect(error.message.contains(message), "\(error.message)")
        }
        let error = try #require(throws: TextError.self) {
            try SentimentClassifier.train(embeddings: [[1], [0]], labels: [true, false], configuration: .init(epochs: 0))
        }
        #expect(error.code == .invalidConfiguration)
    }
}
