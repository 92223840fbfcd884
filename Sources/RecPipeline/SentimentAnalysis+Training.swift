import Foundation
import RecImport
import RecStore
import RecText

extension SentimentAnalysis {
    /// `marquee sentiment --train`: embeds the SST-2 training sentences with MiniLM, fits a
    /// ``RecText/SentimentClassifier``, measures it on the SST-2 test sentences and saves it in `store` as
    /// the next version of ``modelName`` (configuration as hyperparameters, the training texts' fingerprint,
    /// `sst2_test_accuracy` and timings as metrics).
    /// - Parameters:
    ///   - data: the folder holding `sst/trees/train.txt` and `test.txt`.
    ///   - models: where all-MiniLM-L6-v2 is.
    /// - Throws: ``PipelineError`` `.dataNotFound` when SST is absent; ``RecImport/ImportError`` for a bad
    ///   tree file; ``RecText/TextError`` for a missing encoder or bad configuration; store errors.
    /// - Complexity: dominated by embedding 8,741 sentences (about 40 s on two idle cores).
    public static func train(data: DataLocation, models: ModelLocation, store: any Store,
                             configuration: SentimentClassifierConfiguration = SentimentClassifierConfiguration())
        async throws -> SentimentTrainingSummary {
        let trees = try data.dataset("sst").appendingPathComponent("trees")
        let training = try SentimentCorpus.sst2(trees: trees.appendingPathComponent("train.txt"))
        let test = try SentimentCorpus.sst2(trees: trees.appendingPathComponent("test.txt"))
        let encoder = try models.sentenceEncoder()
        let clock = ContinuousClock()
        let encodeStart = clock.now
        let train = try await encode(training, with: encoder)
        let held = try await encode(test, with: encoder)
        let encodeSeconds = (clock.now - encodeStart).seconds
        let fitStart = clock.now
        let classifier = try SentimentClassifier.train(embeddings: train.embeddings, labels: train.labels,
                                                       configuration: configuration)
        let fitSeconds = (clock.now - fitStart).seconds
        let accuracy = classifier.accuracy(on: held.embeddings, labels: held.labels)
        let stored = try StoredModel.encoding(classifier, named: modelName, configuration: configuration,
                                              fingerprint: DataFingerprint.of(texts: training),
                                              metrics: ["sst2_test_accuracy": accuracy, "encode_seconds": encodeSeconds,
                                                        "fit_seconds": fitSeconds, "sentences": Double(training.count)])
        let version = try await store.save(stored)
        return SentimentTrainingSummary(version: version, trainingCount: training.count, testCount: test.count,
                                        testAccuracy: accuracy, encodeSeconds: encodeSeconds, fitSeconds: fitSeconds)
    }
}
