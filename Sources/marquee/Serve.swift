import ArgumentParser
import Foundation
import Hummingbird
import RecPipeline
import RecServer

/// `marquee serve`: the HTTP API and web page.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve recommendations over HTTP (JSON API under /v1, web page at /).",
        discussion: """
            Settings come from MARQUEE_HOST, MARQUEE_PORT, MARQUEE_DATABASE_URL (or MARQUEE_DATABASE), MARQUEE_SQLITE_SYNCHRONOUS, MARQUEE_MODELS, MARQUEE_LOG_LEVEL and \
            MARQUEE_ADMIN_KEY, overridden by the flags. Every /v1 route needs an API key: create one with \
            `marquee keys create`.
            """)

    @OptionGroup var options: ServeOptions

    func run() async throws {
        let configuration = try options.configuration()
        let location = try StoreLocation(configuration.database, synchronous: configuration.sqliteSynchronous)
        try await location.withStore { store in
            let app = try await buildApplication(configuration, store: store)
            print("serving on http://\(configuration.host):\(configuration.port)/ (database \(location))")
            try await app.runService()
        }
    }
}

/// The settings `serve` and `demo` share.
struct ServeOptions: ParsableArguments {
    @Option(help: "Address to bind (default 127.0.0.1, or MARQUEE_HOST).")
    var host: String?

    @Option(help: "TCP port (default 8080, or MARQUEE_PORT).")
    var port: Int?

    @Option(help: "SQLite file or postgres:// URL (default: MARQUEE_DATABASE_URL, else MARQUEE_DATABASE, else marquee.sqlite).")
    var database: String?

    @Option(help: "Models folder holding all-MiniLM-L6-v2, for mood recommendations (default: MARQUEE_MODELS; off when unset).")
    var models: String?

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: String?

    @Option(help: "Top-N algorithm to train and serve: als, bpr, item-knn, user-knn, ease.")
    var algorithm: String = TopNAlgorithm.als.rawValue

    @Option(help: "Retrain in the background after this many feedback events (0: never).")
    var retrainAfterEvents = 1000

    @Option(help: "Retrain every this many seconds when there was feedback (0: no schedule).")
    var retrainInterval: Double = 0

    @Option(help: "Check the store every this many seconds for a model another replica trained (0: never).")
    var followModels: Double = 0

    /// The environment's configuration with the flags applied.
    func configuration() throws -> ServerConfiguration {
        var configuration = try ServerConfiguration(environment: ProcessInfo.processInfo.environment)
        if let host { configuration.host = host }
        if let port { configuration.port = port }
        if let database { configuration.database = database }
        if let models { configuration.modelDirectory = models }
        if let logLevel {
            guard let level = LogLevel(rawValue: logLevel) else {
                throw ValidationError("--log-level '\(logLevel)' is unknown; expected one of \(LogLevel.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            configuration.logLevel = level
        }
        guard let chosen = TopNAlgorithm(rawValue: algorithm), chosen != .popular, chosen != .random else {
            throw ValidationError("--algorithm '\(algorithm)' cannot serve feedback at once; expected als, bpr, item-knn, user-knn or ease")
        }
        configuration.algorithm = chosen
        configuration.retrainAfterEvents = retrainAfterEvents
        configuration.retrainIntervalSeconds = retrainInterval
        configuration.modelFollowSeconds = followModels
        try configuration.validate()
        return configuration
    }
}
