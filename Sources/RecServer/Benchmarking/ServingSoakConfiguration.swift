/// How long and how hard `marquee bench --task soak` pushes the server.
public struct ServingSoakConfiguration: Sendable, Equatable {
    /// Loopback port of the server under test.
    public var port: Int
    /// Back-to-back wrk runs.
    public var intervals: Int
    /// Seconds per wrk run.
    public var intervalSeconds: Int
    /// Target requests per second.
    public var rate: Int

    /// Creates a configuration: by default 30 one-minute intervals at about 500 requests per second.
    public init(port: Int = 18_080, intervals: Int = 30, intervalSeconds: Int = 60, rate: Int = 500) {
        self.port = port
        self.intervals = intervals
        self.intervalSeconds = intervalSeconds
        self.rate = rate
    }
}
