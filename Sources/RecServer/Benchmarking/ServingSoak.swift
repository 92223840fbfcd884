import Foundation
import RecCore
import RecEvaluation
import RecPipeline

/// `marquee bench --task soak`: the server on loopback under steady mixed traffic for a long time, watched
/// interval by interval for errors, latency drift and memory growth.
///
/// Imports ml-latest-small into a fresh SQLite store, trains ALS and serves it with the server's defaults (so
/// background retraining after every 1,000 feedback events runs and swaps models during the soak; only the rate
/// limit is off, as one key sends everything). Then wrk sends 90 % top-10 requests and 10 % feedback events for
/// random known users, paced to about ``ServingSoakConfiguration/rate`` requests per second, in back-to-back runs
/// of ``ServingSoakConfiguration/intervalSeconds``; after each run the server process's resident memory is read.
public enum ServingSoak {
    /// Runs the soak.
    /// - Throws: ``ServerError`` if wrk is missing or the server does not come up; data and store errors.
    public static func run(_ configuration: ServingSoakConfiguration, data: DataLocation,
                           progress: ProgressHandler? = nil) async throws -> ServingSoakReport {
        guard ExternalCommand.isInstalled("wrk") else {
            throw ServerError(.invalidConfiguration, "wrk is missing; install it with `apt-get install wrk` (scripts/setup does)")
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("marquee-soak-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let deployment = try await BenchmarkDeployment(.movieLensSmall(data), in: directory, synchronous: .normal,
                                                       progress: progress)
        let app = try await buildApplication(ServerConfiguration(port: configuration.port, logLevel: .error,
                                                                 rateLimitPerSecond: 0),
                                             store: deployment.store)
        let base = "http://127.0.0.1:\(configuration.port)"
        let (connections, delay) = ServingBenchmark.pacing(configuration.rate)
        let script = try WrkScript(key: deployment.key, users: deployment.users, items: deployment.items,
                                   feedbackShare: 0.1, delayMilliseconds: delay).write(in: directory)
        let intervals = try await withThrowingTaskGroup(of: [ServingSoakReport.Interval]?.self) { group in
            group.addTask { try await app.run(); return nil }
            group.addTask {
                try await ServingBenchmark.waitUntilReady(base)
                var intervals: [ServingSoakReport.Interval] = []
                let startMiB = ResidentMemory.currentMiB() ?? 0
                for index in 0..<configuration.intervals {
                    progress?(TaskProgress(phase: "soak", completed: index, total: configuration.intervals))
                    let run = try await ServingBenchmark.wrk(base, script: script, connections: connections,
                                                             seconds: configuration.intervalSeconds,
                                                             catalogue: deployment.name, scenario: "soak")
                    intervals.append(.init(index: index + 1, run: run, residentMiB: ResidentMemory.currentMiB() ?? 0,
                                           startResidentMiB: startMiB))
                }
                progress?(TaskProgress(phase: "soak", completed: configuration.intervals, total: configuration.intervals))
                return intervals
            }
            var measured: [ServingSoakReport.Interval] = []
            if let result = try await group.next(), let intervals = result { measured = intervals }
            group.cancelAll()
            return measured
        }
        return ServingSoakReport(configuration: configuration, catalogue: deployment.name, intervals: intervals)
    }
}
