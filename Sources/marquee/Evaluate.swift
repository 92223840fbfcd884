import ArgumentParser
import Foundation
import RecCore
import RecEvaluation
import RecPipeline
import RecRanking

/// `marquee evaluate`: RMSE/MAE of one algorithm over a split, as a table or the JSON contract.
struct Evaluate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Evaluate a rating predictor or a top-N recommender on a data set.",
        discussion: """
            Examples:
              marquee evaluate --dataset ml-100k --split official5 --algorithm biased-mf --json
              marquee evaluate --task topn --dataset ml-100k --protocol p1-temporal --algorithm als --json
              marquee evaluate --task topn --dataset ml-100k --algorithm als --report trade-off.svg
              marquee evaluate --task content --dataset ml-latest-small
            """)

    /// What `evaluate` measures: the shared tasks plus text features.
    enum Kind: String, ExpressibleByArgument {
        case rating, topn, content
    }

    @Option(help: "rating (RMSE/MAE), topn (ranking metrics on positives) or content (text embeddings as item features).")
    var task: Kind = .rating

    @Option(help: "Data set folder inside the data location (default: ml-100k; ml-latest-small for --task content).")
    var dataset: String?

    @Option(help: "Rating task's split: official5 (ML-100K u1-u5), kfold, kfoldN, temporal.")
    var split = "official5"

    @Option(help: "Top-N task's protocol: p1-temporal, loo, random, randomN.")
    var `protocol` = "p1-temporal"

    @Option(help: """
        Rating: \(RatingAlgorithm.allCases.map(\.rawValue).joined(separator: ", ")). \
        Top-N: \(TopNAlgorithm.allCases.map(\.rawValue).joined(separator: ", ")).
        """)
    var algorithm: String?

    @Flag(help: "Tune hyperparameters per fold on a validation slice of the fold's training data.")
    var tune = false

    @Option(help: "Comma-separated official folds to run, e.g. 1,2 (default: all five).")
    var folds = ""

    @Option(help: "Folder holding the data sets (default: $MARQUEE_DATA, else ../shared/data).")
    var data: String?

    @Option(help: "Folder holding all-MiniLM-L6-v2/ for --task content (default: $MARQUEE_MODELS, else ./models).")
    var models: String?

    @Option(help: "Content task: JSON file to reuse item vectors from and save them to (only changed texts are embedded).")
    var embeddingCache: String?

    @Option(help: "Content task: weight of the content-based list in its blend with ALS, 0 to 1.")
    var blendWeight: Float = 0.3

    @Option(help: "Top-N task: weight each user's history by recency, halving every SHARE of their positives (e.g. 0.2; models that fold histories in).")
    var historyHalfLife: Float?

    @Flag(help: "Print one JSON object instead of a table.")
    var json = false

    @Option(help: """
        Rating task: write the neural models' learning curves (training and validation RMSE per epoch) to this SVG file. \
        Top-N task: sweep the re-ranking dials (popularity, diversity, calibration, the serving default) over the model's \
        candidates and plot NDCG against coverage, Gini and novelty in this SVG file.
        """)
    var report: String?

    @Option(help: "Top-N task: re-rank the model's 100 candidates with maximal-marginal-relevance diversity, 0 to 1.")
    var diversity: Double?

    @Option(help: "Top-N task: re-rank for a genre mix calibrated to the user's history (Steck's lambda), 0 to 1.")
    var calibration: Double?

    @Option(help: "Top-N task: re-rank by inverse popularity propensity with this exponent, 0 or more.")
    var popularity: Double?

    /// The dials of `--diversity`, `--calibration` and `--popularity`, or `nil` when none is given.
    var dials: RerankingDials? {
        guard diversity != nil || calibration != nil || popularity != nil else { return nil }
        return RerankingDials(diversity: diversity ?? 0, calibration: calibration ?? 0, popularity: popularity ?? 0)
    }

    func validate() throws {
        do {
            _ = try SplitProtocol(parsing: split)
            _ = try SplitProtocol.officialFolds(parsing: folds)
            _ = try TopNProtocol(parsing: `protocol`)
        } catch {
            throw ValidationError("\(error)")
        }
        if task == .content, report != nil {
            throw ValidationError("--report draws learning curves (--task rating) or dial trade-offs (--task topn); drop it for --task content")
        }
        if let dials {
            guard task == .topn else { throw ValidationError("--diversity, --calibration and --popularity re-rank --task topn lists") }
            guard (0...1).contains(dials.diversity), (0...1).contains(dials.calibration), dials.popularity >= 0 else {
                throw ValidationError("--diversity and --calibration must be from 0 to 1 and --popularity 0 or more")
            }
            guard report == nil else { throw ValidationError("--report sweeps every dial itself; drop --diversity, --calibration and --popularity") }
        }
        switch task {
        case .rating:
            guard RatingAlgorithm(rawValue: algorithm ?? RatingAlgorithm.biasedMF.rawValue) != nil else {
                throw ValidationError("algorithm '\(algorithm ?? "")' is not a rating algorithm; expected one of \(RatingAlgorithm.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        case .topn:
            guard TopNAlgorithm(rawValue: algorithm ?? TopNAlgorithm.als.rawValue) != nil else {
                throw ValidationError("algorithm '\(algorithm ?? "")' is not a top-N algorithm; expected one of \(TopNAlgorithm.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard !tune else { throw ValidationError("--tune applies to --task rating; use `marquee tune` for top-N") }
            if let historyHalfLife, !RecencyWeighting(halfLifeShare: historyHalfLife).isValid {
                throw ValidationError("--history-half-life must be a share > 0 of a user's positives, e.g. 0.2; got \(historyHalfLife)")
            }
        case .content:
            guard algorithm == nil, !tune else {
                throw ValidationError("--task content compares its own models; --algorithm and --tune do not apply")
            }
            guard blendWeight >= 0 && blendWeight <= 1 else {
                throw ValidationError("--blend-weight must be from 0 to 1, got \(blendWeight)")
            }
        }
    }

    func run() async throws {
        let progress = ProgressPrinter()
        let location = DataLocation(explicit: data)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        switch task {
        case .rating:
            let request = EvaluationRequest(dataset: dataset ?? "ml-100k", split: try SplitProtocol(parsing: split),
                                            algorithm: RatingAlgorithm(rawValue: algorithm ?? "") ?? .biasedMF, tune: tune,
                                            folds: try SplitProtocol.officialFolds(parsing: folds), data: location)
            let result = try Evaluating.evaluate(request, progress: progress.handler)
            progress.finish()
            if let report {
                let title = "\(result.algorithm) on \(result.dataset) \(result.split): RMSE per epoch"
                try LearningCurve.svg(result.learningCurves, title: title)
                    .write(toFile: report, atomically: true, encoding: .utf8)
            }
            print(json ? String(decoding: try encoder.encode(result), as: UTF8.self) : result.text)
        case .topn:
            var request = TopNEvaluationRequest(dataset: dataset ?? "ml-100k", splitProtocol: try TopNProtocol(parsing: `protocol`),
                                                algorithm: TopNAlgorithm(rawValue: algorithm ?? "") ?? .als, data: location)
            request.historyWeighting = historyHalfLife.map(RecencyWeighting.init(halfLifeShare:))
            if let report {
                let settings = RerankingEvaluating.sweep
                let reports = try await RerankingEvaluating.evaluate(request, settings: settings, progress: progress.handler)
                progress.finish()
                let title = "\(request.algorithmName) on \(request.dataset) \(`protocol`): accuracy against exposure per re-ranking dial"
                try RerankingEvaluating.plot(reports, settings: settings).svg(title: title)
                    .write(toFile: report, atomically: true, encoding: .utf8)
                print(json ? String(decoding: try encoder.encode(reports), as: UTF8.self) : RerankingEvaluating.table(reports))
            } else if let dials {
                let reports = try await RerankingEvaluating.evaluate(request, settings: [dials], progress: progress.handler)
                progress.finish()
                print(json ? String(decoding: try encoder.encode(reports[1]), as: UTF8.self) : RerankingEvaluating.table(reports))
            } else {
                let report = try await TopNEvaluating.evaluate(request, progress: progress.handler)
                progress.finish()
                print(json ? String(decoding: try encoder.encode(report), as: UTF8.self) : report.text)
            }
        case .content:
            let request = ContentEvaluationRequest(dataset: dataset ?? "ml-latest-small",
                                                   splitProtocol: try TopNProtocol(parsing: `protocol`),
                                                   blendWeight: blendWeight, data: location,
                                                   models: ModelLocation(explicit: models),
                                                   embeddingCache: embeddingCache.map { URL(fileURLWithPath: $0) })
            let report = try await ContentEvaluating.evaluate(request, progress: progress.handler)
            progress.finish()
            print(json ? String(decoding: try encoder.encode(report), as: UTF8.self) : report.text)
        }
    }
}
