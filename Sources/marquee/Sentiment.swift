import ArgumentParser
import RecPipeline

/// `marquee sentiment`: how positive or negative a text is.
struct Sentiment: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the sentiment of a text (VADER: label, compound score and proportions).",
        discussion: "Example: marquee sentiment \"loved it, the ending broke me\"")

    @Argument(help: "The text to score.")
    var text: String

    func run() async throws {
        print(try SentimentAnalysis.analyze(text).text)
    }
}
