import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Logging
import RecCore
import RecEvaluation
import RecPipeline
import RecStore
import RecStoreSQLite

/// `marquee bench --task serve`: the server on loopback under wrk, over the ml-latest-small catalogue and a
/// synthetic one, plus the feedback loop timed from a like's response to the user's next list.
///
/// For each catalogue: import it into a fresh SQLite store, train ALS, start the server on
/// ``ServingBenchmarkConfiguration/port``, then run wrk three times — top-10 recommendations at peak
/// (``ServingBenchmarkConfiguration/connections`` connections), the same paced to about
/// ``ServingBenchmarkConfiguration/pacedRate`` requests per second, a 90 % recommend / 10 % feedback
/// mix at peak, and feedback events alone at peak (each one transaction, synced as
/// ``ServingBenchmarkConfiguration/synchronous`` says) — each request for a random known user.
public enum ServingBenchmark {
    /// Runs every scenario on both catalogues.
    /// - Throws: ``ServerError`` if wrk is missing or the server does not come up; data and store errors.
    public static func run(_ configuration: ServingBenchmarkConfiguration, data: DataLocation,
                           progress: ProgressHandler? = nil) async throws -> ServingBenchmarkReport {
        guard ExternalCommand.isInstalled("wrk") else {
            throw ServerError(.invalidConfiguration, "wrk is missing; install it with `apt-get install wrk` (scripts/setup does)")
        }
        var report = ServingBenchmarkReport(runs: [], feedbackLoops: [])
        for catalogue in [BenchmarkCatalogue.movieLensSmall(data), .synthetic(items: configuration.syntheticItems)] {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("marquee-serve-bench-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let deployment = try await BenchmarkDeployment(catalogue, in: directory, synchronous: configuration.synchronous,
                                                           progress: progress)
            try await measure(deployment, configuration: configuration, directory: directory, report: &report, progress: progress)
        }
        return report
    }

    private static func measure(_ deployment: BenchmarkDeployment, configuration: ServingBenchmarkConfiguration,
                                directory: URL, report: inout ServingBenchmarkReport,
                                progress: ProgressHandler?) async throws {
        let (name, store, key, users, items) = (deployment.name, deployment.store, deployment.key, deployment.users,
                                                deployment.items)
        // One key sends all the load, so its rate limit is off: the benchmark measures the server, not the limiter.
        let server = ServerConfiguration(port: configuration.port, logLevel: .error, retrainAfterEvents: 0, rateLimitPerSecond: 0)
        let app = try await buildApplication(server, store: store)
        let base = "http://127.0.0.1:\(configuration.port)"
        let runs = try await withThrowingTaskGroup(of: [ServingBenchmarkReport.Run]?.self) { group in
            group.addTask { try await app.run(); return nil }
            group.addTask {
                try await waitUntilReady(base)
                var runs: [ServingBenchmarkReport.Run] = []
                let (pacedConnections, pacedDelay) = pacing(configuration.pacedRate)
                for (scenario, feedbackShare, connections, delay) in [
                    ("top-10, peak", 0.0, configuration.connections, 0),
                    ("top-10, paced to ~\(configuration.pacedRate)/s", 0.0, pacedConnections, pacedDelay),
                    ("90 % top-10 + 10 % feedback, peak", 0.1, configuration.connections, 0),
                    ("feedback only, peak (synchronous \(configuration.synchronous.rawValue))", 1.0, configuration.connections, 0),
                ] {
                    progress?(TaskProgress(phase: "wrk \(name): \(scenario)", completed: 0, total: nil))
                    let script = try WrkScript(key: key, users: users, items: items, feedbackShare: feedbackShare, delayMilliseconds: delay)
                        .write(in: directory)
                    runs.append(try await wrk(base, script: script, connections: connections, seconds: configuration.seconds,
                                              catalogue: name, scenario: scenario))
                }
                return runs
            }
            var measured: [ServingBenchmarkReport.Run] = []
            if let result = try await group.next(), let runs = result { measured = runs }
            progress?(TaskProgress(phase: "feedback loop \(name)", completed: 0, total: nil))
            report.feedbackLoops.append(try await feedbackLoop(base, key: key, users: users, items: items,
                                                               samples: configuration.feedbackSamples, catalogue: name))
            group.cancelAll()
            return measured
        }
        report.runs += runs
    }

    /// wrk connections and per-request delay (ms) that send about `rate` requests per second: each connection
    /// waits `delay` ms after a response, so c connections send about c / (delay + latency) requests per second;
    /// 2 ms is allowed for the latency.
    static func pacing(_ rate: Int) -> (connections: Int, delay: Int) {
        let connections = max(1, rate / 40)
        return (connections, max(1, 1000 * connections / rate - 2))
    }

    /// Runs wrk with `script` against `base` and reads the script's summary line.
    static func wrk(_ base: String, script: URL, connections: Int, seconds: Int, catalogue: String,
                    scenario: String) async throws -> ServingBenchmarkReport.Run {
        let result = try await ExternalCommand.launch("wrk", arguments: [
            "-t2", "-c\(connections)", "-d\(seconds)s", "--timeout", "5s", "-s", script.path, base])
        let output = String(decoding: result.output, as: UTF8.self)
        guard result.status == 0, let line = output.split(separator: "\n").first(where: { $0.hasPrefix("MARQUEE ") }) else {
            throw ServerError(.invalidConfiguration, "wrk failed (status \(result.status)): \(output) \(result.errors)")
        }
        let fields = line.split(separator: " ").dropFirst().compactMap { Double($0) }
        guard fields.count == 6 else { throw ServerError(.invalidConfiguration, "wrk printed an unexpected summary: \(line)") }
        let (requests, socketErrors, statusErrors, p50, p99, microseconds) = (fields[0], fields[1], fields[2], fields[3], fields[4], fields[5])
        return ServingBenchmarkReport.Run(catalogue: catalogue, scenario: scenario,
                                          requestsPerSecond: requests / (microseconds / 1e6), p50: p50 / 1000, p99: p99 / 1000,
                                          errors: Int(socketErrors + statusErrors), requests: Int(requests))
    }

    /// Likes a random unseen item, then asks for the user's list; times the second request and checks
    /// the liked item is gone from it.
    private static func feedbackLoop(_ base: String, key: String, users: [String], items: [String], samples: Int,
                                     catalogue: String) async throws -> ServingBenchmarkReport.FeedbackLoop {
        var generator = SplitMix64(seed: 7)
        var times: [Double] = []
        var reflected = 0
        let clock = ContinuousClock()
        for _ in 0..<samples {
            let user = users[Int(generator.next() % UInt64(users.count))]
            let item = items[Int(generator.next() % UInt64(items.count))]
            let event = try JSONEncoder().encode(FeedbackEvent(user: user, item: item, kind: .like))
            _ = try await send(base + "/v1/feedback", key: key, method: "POST", body: event)
            let start = clock.now
            let body = try await send(base + "/v1/users/\(user)/recommendations?n=10&excludeSeen=true", key: key, method: "GET", body: nil)
            times.append((clock.now - start).seconds * 1000)
            let list = try JSONDecoder().decode(ItemList.self, from: body)
            if !list.items.contains(where: { $0.id == item }) { reflected += 1 }
        }
        times.sort()
        func percentile(_ p: Double) -> Double { times.isEmpty ? 0 : times[min(times.count - 1, Int(p * Double(times.count)))] }
        return .init(catalogue: catalogue, p50: percentile(0.5), p99: percentile(0.99), reflected: reflected, samples: samples)
    }

    private static func send(_ url: String, key: String, method: String, body: Data?) async throws -> Data {
        guard let address = URL(string: url) else { throw ServerError(.invalidConfiguration, "bad URL \(url)") }
        var request = URLRequest(url: address)
        request.httpMethod = method
        request.httpBody = body
        request.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization")
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        let (data, response) = try await URLSession.shared.data(for: request)
        guard let status = (response as? HTTPURLResponse)?.statusCode, (200..<300).contains(status) else {
            throw ServerError(.invalidConfiguration, "\(method) \(url) failed: \(String(decoding: data, as: UTF8.self))")
        }
        return data
    }

    /// Polls `/readyz` until the server answers 200, for up to 10 s.
    static func waitUntilReady(_ base: String) async throws {
        for _ in 0..<100 {
            if let url = URL(string: base + "/readyz"), let (_, response) = try? await URLSession.shared.data(from: url),
               (response as? HTTPURLResponse)?.statusCode == 200 { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw ServerError(.invalidConfiguration, "the server at \(base) did not become ready within 10 s")
    }
}
