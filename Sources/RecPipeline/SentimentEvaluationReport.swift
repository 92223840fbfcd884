/// Accuracy of the sentiment classifier and of VADER on each evaluation set: what
/// `marquee sentiment --evaluate` prints.
public struct SentimentEvaluationReport: Sendable, Hashable {
    /// One evaluation set's figures.
    public struct Row: Sendable, Hashable {
        /// The set, e.g. `"SST-2 test"`.
        public var dataset: String
        /// Texts in the set.
        public var count: Int
        /// Share the classifier labels correctly (positive when its probability is ≥ 0.5).
        public var classifierAccuracy: Double
        /// Share VADER labels correctly (positive when the compound score is ≥ 0).
        public var vaderAccuracy: Double
    }

    /// Where the classifier came from (`sentiment-classifier v2`, or `trained for this run`).
    public var classifier: String
    /// One row per evaluation set.
    public var rows: [Row]

    /// An aligned table with a header naming the classifier.
    public var text: String {
        "classifier: \(classifier)\n" + TextTable(
            header: ["data set", "texts", "classifier", "VADER"],
            rows: rows.map { [$0.dataset, String($0.count), TextTable.fixed($0.classifierAccuracy, digits: 4),
                              TextTable.fixed($0.vaderAccuracy, digits: 4)] }).text
    }
}
