/// What `marquee sentiment --train` produced.
public struct SentimentTrainingSummary: Sendable, Hashable {
    /// The version the store gave the classifier.
    public var version: Int
    /// SST-2 training sentences.
    public var trainingCount: Int
    /// SST-2 test sentences.
    public var testCount: Int
    /// Share of SST-2 test sentences classified correctly.
    public var testAccuracy: Double
    /// Wall-clock seconds spent embedding the sentences.
    public var encodeSeconds: Double
    /// Wall-clock seconds spent fitting the classifier.
    public var fitSeconds: Double

    /// One line for the terminal.
    public var text: String {
        "trained \(SentimentAnalysis.modelName) v\(version) on \(trainingCount) SST-2 sentences: "
            + "SST-2 test accuracy \(TextTable.fixed(testAccuracy, digits: 4)) on \(testCount) sentences "
            + "(encoding \(TextTable.seconds(encodeSeconds)), fitting \(TextTable.seconds(fitSeconds)))"
    }
}
