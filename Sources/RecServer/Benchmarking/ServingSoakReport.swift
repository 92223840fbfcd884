import RecPipeline

/// What `marquee bench --task soak` saw, interval by interval, and the verdict on errors, memory and latency.
public struct ServingSoakReport: Sendable {
    /// One wrk run of the soak and the server's memory after it.
    public struct Interval: Sendable {
        /// 1 for the first run.
        public var index: Int
        /// What wrk measured.
        public var run: ServingBenchmarkReport.Run
        /// The server process's resident memory after the run, MiB.
        public var residentMiB: Double
        /// Its resident memory when the server became ready, before any load, MiB.
        public var startResidentMiB: Double
    }

    /// What was run.
    public var configuration: ServingSoakConfiguration
    /// The catalogue served.
    public var catalogue: String
    /// The runs in order.
    public var intervals: [Interval]

    /// Non-2xx/3xx answers plus socket errors over the whole soak.
    public var errors: Int { intervals.reduce(0) { $0 + $1.run.errors } }
    /// Requests completed over the whole soak.
    public var requests: Int { intervals.reduce(0) { $0 + $1.run.requests } }

    /// The median p99 of the first and of the last `count` intervals (the first and last third when shorter).
    public func p99Drift(count: Int = 5) -> (first: Double, last: Double)? {
        guard !intervals.isEmpty else { return nil }
        let width = min(count, max(1, intervals.count / 3))
        func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
        return (median(intervals.prefix(width).map(\.run.p99)), median(intervals.suffix(width).map(\.run.p99)))
    }

    /// The table, then the totals.
    public var text: String {
        let table = TextTable(header: ["interval", "req/s", "p50 ms", "p99 ms", "errors", "requests", "RSS MiB"],
                              rows: intervals.map { interval in
            [String(interval.index), TextTable.fixed(interval.run.requestsPerSecond, digits: 0),
             TextTable.fixed(interval.run.p50, digits: 2), TextTable.fixed(interval.run.p99, digits: 2),
             String(interval.run.errors), String(interval.run.requests), TextTable.fixed(interval.residentMiB, digits: 1)]
        })
        var lines = [table.text,
                     "\(catalogue); \(intervals.count) × \(configuration.intervalSeconds) s at ~\(configuration.rate) req/s, "
                        + "90 % top-10 + 10 % feedback; retraining after every 1,000 events as the server's default",
                     "requests \(requests), errors \(errors)"]
        if let first = intervals.first, let last = intervals.last {
            lines.append("server RSS: \(TextTable.fixed(first.startResidentMiB, digits: 1)) MiB when ready, "
                         + "\(TextTable.fixed(first.residentMiB, digits: 1)) after interval 1, "
                         + "\(TextTable.fixed(last.residentMiB, digits: 1)) after interval \(last.index)")
        }
        if let drift = p99Drift() {
            lines.append("p99: median \(TextTable.fixed(drift.first, digits: 2)) ms over the first intervals, "
                         + "\(TextTable.fixed(drift.last, digits: 2)) ms over the last")
        }
        return lines.joined(separator: "\n")
    }
}
