import ArgumentParser

/// `marquee`: a self-hosted movie recommender. Each subcommand calls one RecPipeline function.
@main
struct Marquee: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "marquee",
        abstract: "A self-hosted movie recommender: import ratings, train models, serve and evaluate recommendations.",
        subcommands: [Demo.self, Serve.self, Keys.self, Import.self, Train.self, Embed.self, Recommend.self, Evaluate.self, Tune.self,
                      Bench.self, Sentiment.self, ImportFactors.self],
        defaultSubcommand: Demo.self)
}
