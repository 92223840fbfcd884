import Foundation
import ArgumentParser
import Hummingbird
import RecPipeline
import RecServer
import RecStore

/// `marquee demo`: the bundled MovieTweetings sample end to end, then the server and its web page.
struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import the bundled demo data (once), train (once), show recommendations for a sample user, then serve the web page.")

    @OptionGroup var options: ServeOptions

    @Flag(help: "Stop after printing the sample recommendations instead of serving.")
    var noServe = false

    func run() async throws {
        let configuration = try options.configuration()
        try await StoreLocation(configuration.database, synchronous: configuration.sqliteSynchronous).withStore { store in try await run(configuration, store: store) }
    }

    private func run(_ configuration: ServerConfiguration, store: any Store) async throws {
        var configuration = configuration
        let progress = ProgressPrinter()
        let report = try await Demonstration.run(store: store, progress: progress.handler)
        progress.finish()
        print(report.text)
        guard !noServe else { return }
        let models = ModelLocation(explicit: configuration.modelDirectory)
        print("\nmood box: the first run embeds the catalogue's titles with MiniLM (about a minute on 2 cores)")
        if let summary = try await Demonstration.embedCatalogue(store: store, models: models) {
            print(summary.text)
            configuration.modelDirectory = models.directory.path
        } else {
            print("mood recommendations are off: all-MiniLM-L6-v2 is not in \(models.directory.path) (scripts/setup installs it)")
        }
        configuration.retrainAfterEvents = min(configuration.retrainAfterEvents, 50)
        let key = try await APIKeys(store: store).renew(role: .client, label: "demo web page")
        let app = try await buildApplication(configuration, store: store)
        print("""

            Marquee is serving the demo: open http://\(configuration.host):\(configuration.port)/#key=\(key)
            (the link carries a client key made for this run; Ctrl-C stops the server)
            """)
        fflush(nil)  // flush stdout: the link must show now even when stdout is a pipe (`marquee demo | tee log`)
        try await app.runService()
    }
}
