import RecCore

extension SentimentClassifier {
    /// Fits logistic regression to `embeddings` and `labels`.
    ///
    /// Each dimension is standardised to zero mean and unit variance over the training set (constant
    /// dimensions are left unscaled), then every epoch visits the examples in an order shuffled by
    /// ``SentimentClassifierConfiguration/seed`` and takes one regularised gradient step per example on the
    /// log loss. The standardisation is folded into the returned coefficients, so the classifier reads raw
    /// embeddings. The same inputs and configuration give the same classifier, bit for bit.
    /// - Parameters:
    ///   - embeddings: one vector per training text, all of one length.
    ///   - labels: whether each text is positive.
    /// - Throws: ``TextError`` `.invalidConfiguration` when an option is out of range, `.invalidTrainingData`
    ///   when there are no examples or they are empty, the counts differ, a vector's length differs from the
    ///   first's, a value is not finite, or one class is missing.
    /// - Complexity: O(epochs × examples × dimension) time; one standardised copy of the embeddings.
    public static func train(embeddings: [[Float]], labels: [Bool],
                             configuration: SentimentClassifierConfiguration = SentimentClassifierConfiguration()) throws -> SentimentClassifier {
        guard configuration.epochs >= 1, configuration.learningRate > 0, configuration.learningRate.isFinite,
              configuration.regularization >= 0, configuration.regularization.isFinite else {
            throw TextError(.invalidConfiguration, "SentimentClassifierConfiguration: expected epochs ≥ 1, learningRate > 0 "
                + "and regularization ≥ 0; got \(configuration.epochs), \(configuration.learningRate), \(configuration.regularization)")
        }
        let count = embeddings.count
        guard count == labels.count else {
            throw TextError(.invalidTrainingData, "sentiment training: \(count) embeddings but \(labels.count) labels; expected one label per embedding")
        }
        guard count > 0, embeddings[0].count > 0 else {
            throw TextError(.invalidTrainingData, "sentiment training: expected at least one embedding of at least one value; got "
                + "\(count) embedding(s)\(count > 0 ? " of length 0" : "")")
        }
        guard labels.contains(true), labels.contains(false) else {
            throw TextError(.invalidTrainingData, "sentiment training: expected positive and negative examples; got \(count) "
                + "example(s), all \(labels.first == true ? "positive" : "negative")")
        }
        let dimension = embeddings[0].count
        if let bad = embeddings.firstIndex(where: { $0.count != dimension || !$0.allSatisfy(\.isFinite) }) {
            throw TextError(.invalidTrainingData, "sentiment training: embedding \(bad) has \(embeddings[bad].count) values"
                + "\(embeddings[bad].allSatisfy(\.isFinite) ? "" : ", not all finite"); expected \(dimension) finite values like embedding 0")
        }
        let (mean, scale) = standardization(embeddings, dimension: dimension)
        var rows = [Float](repeating: 0, count: count * dimension)
        for (index, embedding) in embeddings.enumerated() {
            for k in 0..<dimension { rows[index * dimension + k] = (embedding[k] - mean[k]) * scale[k] }
        }
        var weights = [Float](repeating: 0, count: dimension)
        var bias: Float = 0
        var generator = SplitMix64(seed: configuration.seed)
        var order = Array(0..<count)
        rows.withUnsafeBufferPointer { data in
            weights.withUnsafeMutableBufferPointer { w in
                for epoch in 0..<configuration.epochs {
                    order.shuffle(using: &generator)
                    let step = configuration.learningRate / Float(1 + epoch)
                    let decay = 1 - step * configuration.regularization
                    for index in order {
                        let x = data.baseAddress! + index * dimension
                        let p = sigmoid(VectorKernels.dot(w.baseAddress!, x, count: dimension) + bias)
                        let gradient = p - (labels[index] ? 1 : 0)
                        VectorKernels.scale(w.baseAddress!, by: decay, count: dimension)
                        VectorKernels.axpy(-step * gradient, x, w.baseAddress!, count: dimension)
                        bias -= step * gradient
                    }
                }
            }
        }
        var folded = weights
        for k in 0..<dimension {
            folded[k] *= scale[k]
            bias -= folded[k] * mean[k]
        }
        return SentimentClassifier(weights: folded, bias: bias)
    }

    /// Per-dimension mean and 1 / standard deviation of `embeddings` (1 where the deviation is 0).
    private static func standardization(_ embeddings: [[Float]], dimension: Int) -> (mean: [Float], scale: [Float]) {
        var sum = [Double](repeating: 0, count: dimension), squares = [Double](repeating: 0, count: dimension)
        for embedding in embeddings {
            for k in 0..<dimension {
                sum[k] += Double(embedding[k])
                squares[k] += Double(embedding[k]) * Double(embedding[k])
            }
        }
        let n = Double(embeddings.count)
        let mean = sum.map { $0 / n }
        let scale = (0..<dimension).map { k -> Float in
            let variance = max(squares[k] / n - mean[k] * mean[k], 0)
            return variance > 0 ? Float(1 / variance.squareRoot()) : 1
        }
        return (mean.map { Float($0) }, scale)
    }
}
