import RecStoreSQLite

/// What `marquee bench --task serve` measures and how hard it pushes.
public struct ServingBenchmarkConfiguration: Sendable, Codable, Equatable {
    /// Loopback port of the server under test.
    public var port: Int
    /// Seconds each wrk run lasts.
    public var seconds: Int
    /// wrk connections for the peak runs.
    public var connections: Int
    /// Target request rate of the paced run, requests per second.
    public var pacedRate: Int
    /// Feedback → recommendations round trips timed for the feedback loop.
    public var feedbackSamples: Int
    /// Items of the synthetic catalogue.
    public var syntheticItems: Int
    /// How the benchmark's SQLite store syncs; the feedback-only run shows what `full` costs.
    public var synchronous: SQLiteStore.Synchronous

    /// Creates a configuration; every parameter has the documented default.
    public init(port: Int = 18_080, seconds: Int = 10, connections: Int = 32, pacedRate: Int = 1_000,
                feedbackSamples: Int = 200, syntheticItems: Int = 10_000, synchronous: SQLiteStore.Synchronous = .normal) {
        self.port = port
        self.seconds = seconds
        self.connections = connections
        self.pacedRate = pacedRate
        self.feedbackSamples = feedbackSamples
        self.syntheticItems = syntheticItems
        self.synchronous = synchronous
    }
}
