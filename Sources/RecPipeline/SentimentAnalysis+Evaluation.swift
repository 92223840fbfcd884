import RecImport
import RecStore
import RecText

extension SentimentAnalysis {
    /// `marquee sentiment --evaluate`: the accuracy of the classifier and of VADER (positive when compound
    /// ≥ 0) on SST-2 test (1,821 sentences), rt-polarity (10,662 snippets; SST's sentences come from the same
    /// pool, so this overlaps the training data) and IMDb test (every `imdbStride`-th review of
    /// `aclImdb/test.jsonl`).
    ///
    /// Uses the newest classifier in `store` when there is one, else trains one with the default
    /// configuration for this run without saving it.
    /// - Parameters:
    ///   - imdbStride: keep every n-th IMDb test review; 25 (the default) reads 1,000, 1 all 25,000 (long
    ///     reviews: roughly 1 minute per 400 on two cores).
    /// - Throws: ``PipelineError`` `.dataNotFound` for a missing data set; ``RecImport/ImportError``;
    ///   ``RecText/TextError``; ``RecText/SentimentError``; store errors.
    /// - Complexity: dominated by embedding every evaluated text (and the training sentences when training).
    public static func evaluate(data: DataLocation, models: ModelLocation, store: (any Store)?,
                                imdbStride: Int = 25) async throws -> SentimentEvaluationReport {
        guard imdbStride >= 1 else {
            throw PipelineError(.invalidArgument, "IMDb stride is \(imdbStride); expected 1 or more")
        }
        let encoder = try models.sentenceEncoder()
        let sets: [(String, [LabeledText])] = [
            ("SST-2 test", try SentimentCorpus.sst2(trees: try data.dataset("sst").appendingPathComponent("trees/test.txt"))),
            ("rt-polarity", try SentimentCorpus.rtPolarity(folder: try data.dataset("rt-polaritydata"))),
            (imdbStride == 1 ? "IMDb test" : "IMDb test, every \(imdbStride)th",
             try SentimentCorpus.imdb(jsonLines: try data.dataset("aclImdb").appendingPathComponent("test.jsonl"), stride: imdbStride)),
        ]
        let classifier: SentimentClassifier
        let source: String
        if let store, let (stored, version) = try await storedClassifier(in: store) {
            (classifier, source) = (stored, "\(modelName) v\(version)")
        } else {
            let training = try SentimentCorpus.sst2(trees: try data.dataset("sst").appendingPathComponent("trees/train.txt"))
            let train = try await encode(training, with: encoder)
            classifier = try SentimentClassifier.train(embeddings: train.embeddings, labels: train.labels)
            source = "trained for this run on \(training.count) SST-2 sentences (none stored)"
        }
        let vader = try VADER()
        var rows: [SentimentEvaluationReport.Row] = []
        for (name, texts) in sets {
            let (embeddings, labels) = try await encode(texts, with: encoder)
            let vaderCorrect = zip(texts, labels).filter { (vader.scores($0.text).compound >= 0) == $1 }.count
            rows.append(.init(dataset: name, count: texts.count, classifierAccuracy: classifier.accuracy(on: embeddings, labels: labels),
                              vaderAccuracy: Double(vaderCorrect) / Double(texts.count)))
        }
        return SentimentEvaluationReport(classifier: source, rows: rows)
    }
}
