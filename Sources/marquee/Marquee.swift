import ArgumentParser

/// `marquee`: a self-hosted movie recommender. Each subcommand calls one RecPipeline function.
@main
struct Marquee: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "marquee",
        abstract: "A self-hosted movie recommender: import ratings, train models, recommend, evaluate.",
        subcommands: [Demo.self, Import.self, Train.self, Embed.self, Recommend.self, Evaluate.self, Tune.self, Bench.self, Sentiment.self],
        defaultSubcommand: Demo.self)
}
