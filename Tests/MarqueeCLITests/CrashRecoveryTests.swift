import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Glibc)
import Glibc
#endif
import RecCore
import RecTestSupport
import Testing

/// `marquee serve` killed with SIGKILL at random moments while a client sends feedback: after each restart every
/// batch the server acknowledged with a 2xx is stored whole, and the batch in flight at the kill is stored whole
/// or not at all.
///
/// Rounds: `MARQUEE_CRASH_ROUNDS` (default 5, for CI; `scripts/crash-check` runs 100). The kill moments come from
/// a seed printed with any failure, so a failing run can be repeated.
@Suite(.serialized) struct CrashRecoveryTests {
    static let adminKey = "crash-test-admin-key-0123456789abcdef"

    /// One feedback batch: three likes with timestamps unique to it.
    struct Batch: Sendable {
        var user: String
        var events: [(item: String, timestamp: Int64)]

        var json: Data {
            let list = events.map { #"{"user":"\#(user)","item":"\#($0.item)","kind":"like","timestamp":\#($0.timestamp)}"# }
            return Data(#"{"events":[\#(list.joined(separator: ","))]}"#.utf8)
        }
    }

    @Test func acknowledgedFeedbackSurvivesSIGKILL() async throws {
        let rounds = Int(ProcessInfo.processInfo.environment["MARQUEE_CRASH_ROUNDS"] ?? "") ?? 5
        let seed = UInt64(ProcessInfo.processInfo.environment["MARQUEE_CRASH_SEED"] ?? "") ?? UInt64.random(in: 1...1_000_000)
        var random = SplitMix64(seed: seed)
        let directory = try MarqueeProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let demo = try MarqueeProcess.run(["demo", "--no-serve"], in: directory)
        try #require(demo.exitCode == 0, "stderr: \(demo.standardError)")

        var acknowledged: [Batch] = [], inFlight: [Batch] = []
        var items: [String] = []
        for round in 0...rounds {
            let server = try await ServerUnderTest.start(in: directory, adminKey: Self.adminKey)
            if items.isEmpty { items = try await server.client.popularItems(50) }
            try #require(!items.isEmpty, "the server lists popular items from the demo data")
            let due: (Batch) -> Bool = { $0.user == "crash-\(round - 1)" || round == rounds }
            for batch in acknowledged.filter(due) {
                let present = try await server.client.presentCount(of: batch)
                #expect(present == 3, "seed \(seed): an acknowledged batch of \(batch.user) has \(present) of its 3 events")
            }
            for batch in inFlight.filter(due) {
                let present = try await server.client.presentCount(of: batch)
                #expect(present == 0 || present == 3, "seed \(seed): the batch in flight at the kill was half-written (\(present) of 3)")
            }
            guard round < rounds else {
                server.kill()
                break
            }
            let killAfter = Duration.milliseconds(Int.random(in: 50...400, using: &random))
            let user = "crash-\(round)", client = server.client, catalogue = items
            let sender = Task { () -> (acknowledged: [Batch], inFlight: Batch?) in
                var sent: [Batch] = []
                for number in 0..<100_000 {
                    let base = Int64(1_000_000 + round * 1_000_000 + number * 10)
                    let batch = Batch(user: user, events: (0..<3).map { (catalogue[(number * 3 + $0) % catalogue.count], base + Int64($0)) })
                    guard (try? await client.send(batch)) == true else { return (sent, batch) }
                    sent.append(batch)
                }
                return (sent, nil)
            }
            try await Task.sleep(for: killAfter)
            server.kill()
            let outcome = await sender.value
            acknowledged += outcome.acknowledged
            if let batch = outcome.inFlight { inFlight.append(batch) }
        }
        #expect(acknowledged.count >= rounds, "seed \(seed): at least one batch per round was acknowledged before the kill")
        print("crash recovery: \(rounds) SIGKILLs (seed \(seed)), \(acknowledged.count) acknowledged batches all stored whole, "
              + "\(inFlight.count) batches in flight at a kill, none half-written")
    }
}

extension CrashRecoveryTests {
    /// `marquee import` killed at a random moment, then run again: the second run stores either everything (the
    /// kill came before the one transaction committed) or nothing new (after), and a third run finds nothing new.
    @Test func anImportKilledMidwayIsAllOrNothing() async throws {
        let rounds = max(1, (Int(ProcessInfo.processInfo.environment["MARQUEE_CRASH_ROUNDS"] ?? "") ?? 5) / 5)
        let data = MarqueeProcess.executable.deletingLastPathComponent()
            .appendingPathComponent("Marquee_RecPipeline.resources/DemoData").path
        var random = SplitMix64(seed: UInt64.random(in: 1...1_000_000))
        var outcomes: [String] = []
        for _ in 0..<rounds {
            let directory = try MarqueeProcess.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let killed = try await MarqueeProcess.runKilled(["import", data], in: directory,
                                                             after: .milliseconds(Int.random(in: 100...3000, using: &random)))
            let again = try MarqueeProcess.run(["import", data], in: directory)
            #expect(again.exitCode == 0, "stderr: \(again.standardError)")
            let stored = again.standardOutput.contains("new:  100000 interactions, 10506 items")
            let already = again.standardOutput.contains("new:  0 interactions, 0 items")
            #expect(stored || already, "after a kill (\(killed ? "mid-run" : "after it ended")) the import is half-written: \(again.standardOutput)")
            let third = try MarqueeProcess.run(["import", data], in: directory)
            #expect(third.standardOutput.contains("new:  0 interactions, 0 items"))
            outcomes.append(stored ? "nothing was stored before the kill" : "all was stored before the kill")
        }
        print("import crash: \(rounds) kills: \(outcomes.joined(separator: "; "))")
    }

    /// `marquee train --task topn` killed at random moments: the server then starts with a whole model, the one
    /// from before the kill or the one the killed run finished saving.
    @Test func trainingKilledMidwayLeavesAWholeModelServing() async throws {
        let rounds = max(1, (Int(ProcessInfo.processInfo.environment["MARQUEE_CRASH_ROUNDS"] ?? "") ?? 5) / 2)
        var random = SplitMix64(seed: UInt64.random(in: 1...1_000_000))
        let directory = try MarqueeProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let demo = try MarqueeProcess.run(["demo", "--no-serve"], in: directory)
        try #require(demo.exitCode == 0, "stderr: \(demo.standardError)")
        var completed = 0, killedMidRun = 0
        for round in 0..<rounds {
            let killed = try await MarqueeProcess.runKilled(["train", "--task", "topn"], in: directory,
                                                             after: .milliseconds(Int.random(in: 100...2500, using: &random)))
            if killed { killedMidRun += 1 } else { completed += 1 }
            let server = try await ServerUnderTest.start(in: directory, adminKey: Self.adminKey)
            defer { server.kill() }
            let version = try await server.client.modelVersion()
            #expect((1 + completed...2 + round).contains(version),
                    "after \(completed) finished and \(killedMidRun) killed trainings the server runs v\(version)")
            #expect(try await server.client.popularItems(5).count == 5, "the model serves")
        }
        #expect(killedMidRun > 0 || rounds < 2, "at least one kill landed mid-training")
        print("training crash: \(killedMidRun) of \(rounds) trainings killed mid-run, \(completed) finished; a whole model served every time")
    }
}

/// A `marquee serve` process on a loopback port.
struct ServerUnderTest {
    let process: Process
    /// Requests to it.
    let client: ServerClient
    /// Its standard error.
    let log: URL

    /// Starts the server in `directory` (its `marquee.sqlite`, unless `arguments` name another `--database`) on a
    /// free port with `arguments` and `environment` added, and waits until `/healthz` answers; a server that exits
    /// at once (its random port was taken) is started again on another port. Its standard error goes to
    /// `serve-PORT.log` in `directory`.
    static func start(in directory: URL, adminKey: String, arguments: [String] = [],
                      environment: [String: String] = [:]) async throws -> ServerUnderTest {
        var failures: [String] = []
        for _ in 0..<5 {
            let port = Int.random(in: 20_000...60_000)
            let log = directory.appendingPathComponent("serve-\(port).log")
            _ = FileManager.default.createFile(atPath: log.path, contents: nil)
            let process = Process()
            process.executableURL = MarqueeProcess.executable
            process.arguments = ["serve", "--port", "\(port)", "--retrain-after-events", "0"] + arguments
            process.currentDirectoryURL = directory
            process.environment = MarqueeProcess.childEnvironment(
                ["MARQUEE_ADMIN_KEY": adminKey, "MARQUEE_RATE_LIMIT": "0", "MARQUEE_LOG_LEVEL": "error"]
                    .merging(environment) { $1 })
            process.standardOutput = FileHandle.nullDevice
            process.standardError = try FileHandle(forWritingTo: log)
            process.standardInput = FileHandle.nullDevice
            try process.run()
            let server = ServerUnderTest(process: process, client: ServerClient(base: "http://127.0.0.1:\(port)", adminKey: adminKey),
                                         log: log)
            // Generous: the whole test suite may be running beside it on two cores.
            let deadline = ContinuousClock.now + .seconds(300)
            while ContinuousClock.now < deadline, process.isRunning {
                if let (_, response) = try? await URLSession.shared.data(from: URL(string: server.client.base + "/healthz")!),
                   (response as? HTTPURLResponse)?.statusCode == 200 { return server }
                try await Task.sleep(for: .milliseconds(50))
            }
            server.kill()
            failures.append("port \(port): \((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
        }
        throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "marquee serve did not answer: \(failures)"])
    }

    /// SIGKILL, then waits for the process to end. The signal is sent whatever `isRunning` says, so a stale
    /// answer can never leave a server running for `waitUntilExit` to wait on for ever.
    func kill() {
        Glibc.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}

/// The requests the crash test makes of a server, with an admin key.
struct ServerClient: Sendable {
    let base: String
    let adminKey: String

    /// Sends `batch`; `true` when the server acknowledged it with a 2xx.
    func send(_ batch: CrashRecoveryTests.Batch) async throws -> Bool {
        var request = request("/v1/feedback/batch")
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = batch.json
        let (_, response) = try await URLSession.shared.data(for: request)
        return (200..<300).contains((response as? HTTPURLResponse)?.statusCode ?? 0)
    }

    /// How many of `batch`'s events the store holds, by the user's export.
    func presentCount(of batch: CrashRecoveryTests.Batch) async throws -> Int {
        let (data, _) = try await URLSession.shared.data(for: request("/v1/users/\(batch.user)/export"))
        let export = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let events = export?["interactions"] as? [[String: Any]] ?? []
        let stored = Set(events.map { "\($0["item"] ?? "")@\($0["timestamp"] ?? "")" })
        return batch.events.filter { stored.contains("\($0.item)@\($0.timestamp)") }.count
    }

    /// Likes `item` for `user` through `POST /v1/feedback`; `true` when acknowledged with a 2xx.
    func like(_ item: String, for user: String) async throws -> Bool {
        var request = request("/v1/feedback")
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = try JSONSerialization.data(withJSONObject: ["user": user, "item": item, "kind": "like"])
        let (_, response) = try await URLSession.shared.data(for: request)
        return (200..<300).contains((response as? HTTPURLResponse)?.statusCode ?? 0)
    }

    /// The ids of `user`'s top `count` recommendations (seen items excluded), or `nil` unless answered with 200.
    func recommendations(for user: String, count: Int) async throws -> [String]? {
        let (data, response) = try await URLSession.shared.data(for: request("/v1/users/\(user)/recommendations?n=\(count)"))
        guard (response as? HTTPURLResponse)?.statusCode == 200 else { return nil }
        let list = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        return (list?["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }

    /// Asks for a background retraining (`POST /v1/train`); `true` when accepted.
    func requestTraining() async throws -> Bool {
        var request = request("/v1/train")
        request.httpMethod = "POST"
        let (_, response) = try await URLSession.shared.data(for: request)
        return (response as? HTTPURLResponse)?.statusCode == 202
    }

    /// The version of the model the server uses, from `/readyz` (`"topn-als v3"` → 3).
    func modelVersion() async throws -> Int {
        let (data, _) = try await URLSession.shared.data(for: request("/readyz"))
        let readiness = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        return Int((readiness?["model"] as? String)?.split(separator: "v").last ?? "") ?? 0
    }

    /// The ids of the `count` most popular items.
    func popularItems(_ count: Int) async throws -> [String] {
        let (data, _) = try await URLSession.shared.data(for: request("/v1/popular?n=\(count)"))
        let list = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        return (list?["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }

    private func request(_ path: String) -> URLRequest {
        var request = URLRequest(url: URL(string: base + path)!)
        request.setValue("Bearer \(adminKey)", forHTTPHeaderField: "Authorization")
        request.timeoutInterval = 30
        return request
    }
}
