import Foundation
import Testing
import RecPipeline
import RecStoreSQLite
import RecTestSupport
import RecText

@Suite struct SentimentAnalysisTests {
    static let trees = "sst/trees/train.txt"
    static let model = "all-MiniLM-L6-v2/model.safetensors"

    struct Baselines: Decodable {
        struct Figure: Decodable { var count: Int; var accuracy: Double }
        var script: String
        var accuracy: [String: Figure]
    }

    struct Routes: Decodable {
        struct Route: Decodable {
            struct Fit: Decodable { var devAccuracy: Double; var testAccuracy: Double }
            var training: String
            var classifier: String
            var chosenOnDev: Fit
        }
        var script: String
        var routes: [Route]
    }

    /// Trains on the 6,920 SST-2 training sentences (about 40 s of MiniLM encoding in release on two idle cores)
    /// and checks test accuracy, the stored model and its verdicts.
    ///
    /// Issue 5 asked for ≥ 0.85. Logistic regression on all-MiniLM-L6-v2 embeddings measures 0.819 here;
    /// scikit-learn's LR and one-hidden-layer MLP on the same embeddings, trained on the sentences or on all
    /// 77,616 labelled training phrases and chosen on dev, stay within 0.78–0.82
    /// (`scripts/reference/sentiment_routes.py`), so the bars are: within a point of scikit-learn's LR on the
    /// same sentences, at least 0.80, and no worse than TF-IDF + LR from `scripts/reference/sentiment_baselines.py`.
    @Test(.enabled(if: TestData.isAvailable(trees), TestData.skipMessage(trees)),
          .enabled(if: TestData.isModelAvailable(model), TestData.modelSkipMessage(model)))
    func trainsOnSST2SavesAndLoadsBack() async throws {
        let store = try SQLiteStore.inMemory()
        let models = ModelLocation(explicit: TestData.modelDirectory.path)
        let summary = try await SentimentAnalysis.train(data: DataLocation(explicit: TestData.dataDirectory.path),
                                                        models: models, store: store)
        #expect(summary.trainingCount == 6_920)
        #expect(summary.testCount == 1_821)
        #expect(summary.testAccuracy >= 0.80, "SST-2 test accuracy \(summary.testAccuracy)")
        let baselines = try JSONDecoder().decode(
            Baselines.self, from: Data(contentsOf: TestData.fixture("reference/sentiment-baselines.json")))
        #expect(baselines.script == "scripts/reference/sentiment_baselines.py")
        let tfidf = try #require(baselines.accuracy["sst2-test"])
        #expect(tfidf.count == summary.testCount)
        #expect(summary.testAccuracy >= tfidf.accuracy, "classifier \(summary.testAccuracy), TF-IDF + LR \(tfidf.accuracy)")
        let snakeCase = JSONDecoder()
        snakeCase.keyDecodingStrategy = .convertFromSnakeCase
        let routes = try snakeCase.decode(
            Routes.self, from: Data(contentsOf: TestData.fixture("reference/sentiment-routes.json")))
        #expect(routes.script == "scripts/reference/sentiment_routes.py")
        let scikit = try #require(routes.routes.first {
            $0.training == "sst2-train-sentences" && $0.classifier == "LogisticRegression" })
        #expect(abs(summary.testAccuracy - scikit.chosenOnDev.testAccuracy) <= 0.01,
                "classifier \(summary.testAccuracy), scikit-learn LogisticRegression \(scikit.chosenOnDev.testAccuracy)")

        let (classifier, version) = try #require(try await SentimentAnalysis.storedClassifier(in: store))
        #expect(version == summary.version)
        let stored = try #require(try await store.latestModel(named: SentimentAnalysis.modelName))
        #expect(stored.metrics["sst2_test_accuracy"] == summary.testAccuracy)
        let vectors = try await models.sentenceEncoder().embed([
            "A warm, funny and beautifully acted film.", "A dull, lifeless mess that wastes its cast."])
        let probabilities = classifier.probabilities(of: vectors)
        #expect(probabilities[0] > 0.8 && probabilities[1] < 0.2, "\(probabilities)")
    }

    @Test func withoutADatabaseTheReportSaysHowToTrainAndStillGivesVADER() async throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("absent-\(UUID().uuidString).sqlite").path
        let report = try await SentimentAnalysis.analyze("VADER is smart, handsome, and funny.", database: missing,
                                                         models: ModelLocation(explicit: "/nonexistent"))
        #expect(report.probability == nil)
        #expect(!FileManager.default.fileExists(atPath: missing))
        let lines = report.text.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].contains("no trained classifier") && lines[0].contains("marquee sentiment --train"))
        #expect(lines[1].hasPrefix("VADER: positive (compound 0.8316;"), "\(lines[1])")
    }

    @Test func aStoredClassifierIsUsedAndItsVersionNamed() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("sentiment-\(UUID().uuidString).sqlite")
        defer { try? FileManager.default.removeItem(at: file) }
        let store = try SQLiteStore(path: file.path)
        let classifier = SentimentClassifier(weights: [Float](repeating: 0, count: 384), bias: 2)
        _ = try await store.save(.init(name: SentimentAnalysis.modelName, hyperparameters: Data("{}".utf8),
                                       dataFingerprint: "test", payload: try JSONEncoder().encode(classifier)))
        let loaded = try #require(try await SentimentAnalysis.storedClassifier(in: store))
        #expect(loaded.0 == classifier && loaded.version == 1)
        _ = try await store.save(.init(name: SentimentAnalysis.modelName, hyperparameters: Data("{}".utf8),
                                       dataFingerprint: "test", payload: Data("not a classifier".utf8)))
        let error = await #expect(throws: PipelineError.self) { try await SentimentAnalysis.storedClassifier(in: store) }
        #expect(error?.message.contains("v2") == true && error?.message.contains("--train") == true)
    }
}
