import Foundation
import RecCore
import RecEvaluation
import RecRanking

/// `marquee evaluate --task topn` with re-ranking dials: the model's list and its re-rankings under each dial
/// setting, from one fit and one candidate pass, for the trade-off curve of `--report`.
public enum RerankingEvaluating {
    /// Candidates per user that every re-ranking chooses its list from (the server's pool for dials above 0).
    public static let candidates = 100

    /// The settings of the trade-off curve: each dial alone over a grid, then ``RecRanking/RerankingDials/standard``.
    public static let sweep: [RerankingDials] =
        [0.1, 0.2, 0.3, 0.5, 0.75, 1].map { RerankingDials(popularity: $0) }
        + [0.1, 0.2, 0.3, 0.5, 0.7].map { RerankingDials(diversity: $0) }
        + [0.1, 0.2, 0.3, 0.5, 0.7].map { RerankingDials(calibration: $0) }
        + [.standard]

    /// Reports for the model's own list (first) and one per setting, in order.
    /// - Throws: ``PipelineError`` for missing or bad data; evaluation and algorithm errors.
    public static func evaluate(_ request: TopNEvaluationRequest, settings: [RerankingDials],
                                progress: ProgressHandler? = nil) async throws -> [TopNReport] {
        let (split, items) = try TopNEvaluating.split(request.dataset, by: request.splitProtocol, data: request.data, progress: progress)
        var popularity: [ItemID: Int] = [:]
        for interaction in split.train { popularity[interaction.item, default: 0] += 1 }
        let catalogue = RerankingCatalogue(items: items, popularity: popularity)
        let variants = [TopNVariant(name: request.algorithmName) { _, candidates in candidates }] + settings.map { dials in
            TopNVariant(name: name(of: dials, algorithm: request.algorithmName)) { history, candidates in
                ListReranking.rerank(candidates, count: request.k, dials: dials, history: history, catalogue: catalogue)
            }
        }
        return try await TopNEvaluation.evaluate(split, k: request.k, candidates: max(candidates, request.k), catalogue: items,
                                                 algorithm: request.algorithmName, dataset: request.dataset,
                                                 historyWeighting: request.historyWeighting, variants: variants) { matrix in
            try await request.configuration.fit(matrix, progress: progress).recommender
        }
    }

    /// The trade-off plot of reports from ``evaluate(_:settings:progress:)`` over `settings`: the model's list, one line
    /// per dial from the settings that turn only that dial, the ``RecRanking/RerankingDials/standard`` setting ringed.
    /// - Precondition: `reports` has one more entry than `settings`.
    public static func plot(_ reports: [TopNReport], settings: [RerankingDials]) -> TradeOffPlot {
        precondition(reports.count == settings.count + 1, "one report for the model and one per setting")
        let paired = Array(zip(settings, reports.dropFirst()))
        let dials: [(String, (RerankingDials) -> Double)] = [("popularity", \.popularity), ("diversity", \.diversity),
                                                             ("calibration", \.calibration)]
        let series = dials.compactMap { name, value -> TradeOffPlot.Series? in
            let alone = paired.filter { setting, _ in
                value(setting) > 0 && [setting.popularity, setting.diversity, setting.calibration].filter { $0 > 0 }.count == 1
            }
            return alone.isEmpty ? nil : TradeOffPlot.Series(name: name, reports: alone.map(\.1))
        }
        return TradeOffPlot(baseline: reports[0], series: series, standard: paired.first { $0.0 == .standard }?.1)
    }

    /// The report name of a setting, e.g. `als+popularity0.3` or `als+diversity0.2+calibration0.1`.
    public static func name(of dials: RerankingDials, algorithm: String) -> String {
        let parts = [("diversity", dials.diversity), ("calibration", dials.calibration), ("popularity", dials.popularity)]
            .filter { $0.1 > 0 }.map { "\($0.0)\($0.1)" }
        return ([algorithm] + parts).joined(separator: "+")
    }

    /// The reports as one table: a row per list with its accuracy and beyond-accuracy figures.
    public static func table(_ reports: [TopNReport]) -> String {
        guard let first = reports.first else { return "" }
        let k = first.k
        func optional(_ value: Double?) -> String { value.map { TextTable.fixed($0, digits: 4) } ?? "n/a" }
        let rows = reports.map { report in
            [report.algorithm, TextTable.fixed(report.ndcg, digits: 4), TextTable.fixed(report.recall, digits: 4),
             TextTable.fixed(report.coverage, digits: 4), TextTable.fixed(report.gini, digits: 4), optional(report.novelty),
             optional(report.diversity), optional(report.miscalibration), optional(report.longTail)]
        }
        let header = ["list", "ndcg@\(k)", "recall@\(k)", "coverage@\(k)", "gini@\(k)", "novelty@\(k)", "diversity@\(k)",
                      "miscalibration@\(k)", "long-tail@\(k)"]
        return "\(first.dataset) (\(first.protocolName), \(first.users) users, \(candidates) candidates per user)\n"
            + TextTable(header: header, rows: rows).text
    }
}
