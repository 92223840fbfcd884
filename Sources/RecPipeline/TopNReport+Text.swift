import RecEvaluation

extension TopNReport {
    /// The report as a two-column table of metric and value.
    public var text: String {
        func optional(_ value: Double?) -> String { value.map { TextTable.fixed($0, digits: 4) } ?? "n/a" }
        let rows: [[String]] = [
            ["ndcg@\(k)", TextTable.fixed(ndcg, digits: 4)], ["precision@\(k)", TextTable.fixed(precision, digits: 4)],
            ["recall@\(k)", TextTable.fixed(recall, digits: 4)], ["f1@\(k)", TextTable.fixed(f1, digits: 4)],
            ["map@\(k)", TextTable.fixed(map, digits: 4)], ["hr@\(k)", TextTable.fixed(hitRate, digits: 4)],
            ["mrr@\(k)", TextTable.fixed(mrr, digits: 4)], ["coverage@\(k)", TextTable.fixed(coverage, digits: 4)],
            ["gini@\(k)", TextTable.fixed(gini, digits: 4)], ["novelty@\(k)", optional(novelty)],
            ["diversity@\(k)", optional(diversity)], ["popularity@\(k)", optional(popularity)],
            ["miscalibration@\(k)", optional(miscalibration)], ["long-tail@\(k)", optional(longTail)],
            ["fit", TextTable.seconds(fitSeconds)], ["recommend", TextTable.seconds(recommendSeconds)],
        ]
        return "\(algorithm) on \(dataset) (\(protocolName), \(users) users)\n"
            + TextTable(header: ["metric", "value"], rows: rows).text
    }
}
