import RecPipeline

/// The figures `marquee bench --task serve` measured, per catalogue and scenario.
public struct ServingBenchmarkReport: Sendable {
    /// One wrk run.
    public struct Run: Sendable {
        /// Which catalogue, e.g. `"ml-latest-small (9,742 items)"`.
        public var catalogue: String
        /// What was sent, e.g. `"top-10, peak"`.
        public var scenario: String
        /// Completed requests per second.
        public var requestsPerSecond: Double
        /// Median latency, milliseconds.
        public var p50: Double
        /// 99th-percentile latency, milliseconds.
        public var p99: Double
        /// Requests answered with a status other than 2xx/3xx, plus socket errors.
        public var errors: Int
        /// Requests completed.
        public var requests: Int
    }

    /// The feedback loop: a like, then the user's recommendations, timed from the like's response.
    public struct FeedbackLoop: Sendable {
        /// Which catalogue.
        public var catalogue: String
        /// Median milliseconds from the feedback response to the updated recommendations.
        public var p50: Double
        /// 99th percentile of the same.
        public var p99: Double
        /// Round trips in which the liked item was absent from the next list (it should always be).
        public var reflected: Int
        /// Round trips timed.
        public var samples: Int
    }

    /// wrk runs in order.
    public var runs: [Run]
    /// Feedback-loop timings per catalogue.
    public var feedbackLoops: [FeedbackLoop]

    /// Two tables for people.
    public var text: String {
        let runTable = TextTable(header: ["catalogue", "load", "req/s", "p50 ms", "p99 ms", "errors", "requests"],
                                 rows: runs.map { run in
            [run.catalogue, run.scenario, TextTable.fixed(run.requestsPerSecond, digits: 0), TextTable.fixed(run.p50, digits: 2),
             TextTable.fixed(run.p99, digits: 2), String(run.errors), String(run.requests)]
        })
        let loopTable = TextTable(header: ["catalogue", "feedback → new list p50 ms", "p99 ms", "liked item gone"],
                                  rows: feedbackLoops.map { loop in
            [loop.catalogue, TextTable.fixed(loop.p50, digits: 2), TextTable.fixed(loop.p99, digits: 2), "\(loop.reflected)/\(loop.samples)"]
        })
        return runTable.text + "\n\n" + loopTable.text
    }
}
