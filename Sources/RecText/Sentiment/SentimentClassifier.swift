import Foundation
import RecCore

/// A binary sentiment classifier over sentence embeddings (``MiniLMEncoder``'s, or any fixed-length
/// vectors): logistic regression, P(positive | x) = σ(w·x + b).
///
/// Fitted by ``train(embeddings:labels:configuration:)``; `Codable`, so a trained classifier can be kept
/// in a store and loaded back.
///
/// ```swift
/// let vectors = try await encoder.embed(texts)
/// let classifier = try SentimentClassifier.train(embeddings: vectors, labels: labels)
/// let p = classifier.probability(of: try await encoder.embed(["A joy."])[0])
/// ```
public struct SentimentClassifier: Sendable, Codable, Equatable {
    /// The coefficients w, one per embedding dimension.
    public let weights: [Float]
    /// The intercept b.
    public let bias: Float

    /// Length of the embeddings the classifier reads.
    public var dimension: Int { weights.count }

    /// Creates a classifier from its coefficients.
    /// - Precondition: at least one weight.
    public init(weights: [Float], bias: Float) {
        precondition(!weights.isEmpty, "SentimentClassifier needs at least one weight")
        self.weights = weights
        self.bias = bias
    }

    /// Decodes a classifier encoded by `encode(to:)`.
    /// - Throws: `DecodingError` when a field is missing or `weights` is empty.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let weights = try container.decode([Float].self, forKey: .weights)
        guard !weights.isEmpty else {
            throw DecodingError.dataCorruptedError(forKey: .weights, in: container, debugDescription: "expected at least one weight")
        }
        self.init(weights: weights, bias: try container.decode(Float.self, forKey: .bias))
    }

    /// The probability that the text behind `embedding` is positive, in 0…1 (exactly 0 or 1 only when
    /// |w·x + b| exceeds about 88, where σ rounds in Float).
    /// - Precondition: `embedding.count == dimension`.
    /// - Complexity: O(dimension), no allocation.
    public func probability(of embedding: [Float]) -> Float {
        precondition(embedding.count == dimension, "SentimentClassifier expects \(dimension) floats, got \(embedding.count)")
        let logit = weights.withUnsafeBufferPointer { w in
            embedding.withUnsafeBufferPointer { x in
                VectorKernels.dot(w.baseAddress!, x.baseAddress!, count: dimension)
            }
        }
        return Self.sigmoid(logit + bias)
    }

    /// The probability of each embedding in turn; see ``probability(of:)``.
    /// - Complexity: O(embeddings × dimension).
    public func probabilities(of embeddings: [[Float]]) -> [Float] {
        embeddings.map(probability(of:))
    }

    /// The share of `embeddings` whose predicted label (positive when the probability is ≥ 0.5) equals `labels`.
    /// - Precondition: as many labels as embeddings, at least one.
    /// - Complexity: O(embeddings × dimension).
    public func accuracy(on embeddings: [[Float]], labels: [Bool]) -> Double {
        precondition(embeddings.count == labels.count && !labels.isEmpty, "accuracy needs one label per embedding")
        let correct = zip(probabilities(of: embeddings), labels).filter { ($0 >= 0.5) == $1 }.count
        return Double(correct) / Double(labels.count)
    }

    /// σ(z) = 1 / (1 + e^−z), computed without overflow (and so without NaN) for large |z|.
    static func sigmoid(_ z: Float) -> Float {
        z >= 0 ? 1 / (1 + exp(-z)) : exp(z) / (1 + exp(z))
    }
}
