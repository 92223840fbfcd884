import Foundation
import RecStorePostgres
import RecTestSupport
import Testing

/// Two `marquee serve` processes over one PostgreSQL database, as replicas behind a load balancer would run:
/// feedback sent to one changes the other's recommendations within a second (its profile cache lasts 0.5 s), a model
/// trained by one is followed by the other, and killing the replica that is training leaves the old model
/// serving and the training lock free. Skipped without a PostgreSQL server, except under `CI=true`.
@Suite struct ReplicaProcessTests {
    static let adminKey = "replica-test-admin-key-0123456789abcdef"

    /// 600 users in three taste groups over 300 items (each user rates 40 of their group's 100 items), enough
    /// that an ALS training takes a moment.
    static func events() -> String {
        var generator = SystemRandomNumberGenerator()
        var lines = ["user,item,rating,timestamp"]
        for user in 0..<600 {
            let group = user % 3
            for item in (0..<100).shuffled(using: &generator).prefix(40) {
                lines.append("u\(user),i\(group * 100 + item),5,\(1_000 + item)")
            }
        }
        return lines.joined(separator: "\n")
    }

    @Test(.requiresPostgres) func replicasShareFeedbackModelsAndSurviveTheTrainerBeingKilled() async throws {
        let directory = try MarqueeProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = try PostgresTestDatabase.freshURL()
        let configuration = try PostgresStoreConfiguration(url: url)
        do {
            try await Self.exercise(url, in: directory)
        } catch {
            try? await PostgresStore.with(configuration) { try await $0.dropSchema() }
            throw error
        }
        try await PostgresStore.with(configuration) { try await $0.dropSchema() }
    }

    /// The test's steps, on the database at `url`.
    static func exercise(_ url: String, in directory: URL) async throws {
        let file = directory.appendingPathComponent("events.csv")
        try events().write(to: file, atomically: true, encoding: .utf8)
        let imported = try MarqueeProcess.run(["import", file.path, "--format", "csv", "--database", url], in: directory)
        try #require(imported.exitCode == 0, "\(imported.standardError)")
        let trained = try MarqueeProcess.run(["train", "--task", "topn", "--database", url], in: directory)
        try #require(trained.exitCode == 0, "\(trained.standardError)")

        let replicaArguments = ["--database", url, "--follow-models", "0.2"]
        let a = try await ServerUnderTest.start(in: directory, adminKey: adminKey, arguments: replicaArguments,
                                                environment: ["MARQUEE_LOG_LEVEL": "info"])
        let b = try await ServerUnderTest.start(in: directory, adminKey: adminKey, arguments: replicaArguments,
                                                environment: ["MARQUEE_LOG_LEVEL": "info"])
        defer { a.kill(); b.kill() }
        let (versionA, versionB) = (try await a.client.modelVersion(), try await b.client.modelVersion())
        #expect(versionA == 1 && versionB == 1)

        // Feedback to A reaches B's next lists: B has the user's profile cached, so the like shows once it expires.
        let before = try #require(try await b.client.recommendations(for: "u0", count: 5))
        let liked = try #require(before.first)
        try #require(try await a.client.like(liked, for: "u0"))
        let clock = ContinuousClock(), start = clock.now
        var seenByB = false
        while clock.now - start < .seconds(5) {
            if let list = try await b.client.recommendations(for: "u0", count: 5), !list.contains(liked) {
                seenByB = true
                break
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        let delay = clock.now - start
        #expect(seenByB, "B still recommends the item liked through A after 5 s")
        #expect(delay < .seconds(1), "B reflected A's feedback after \(delay); issue 10 asks for one second, the profile cache lasts 0.5 s")
        print("replicas: feedback through A reflected by B after \(delay)")

        // A model trained by A is followed by B.
        try #require(try await a.client.requestTraining())
        #expect(try await waitUntil(seconds: 60) { try await b.client.modelVersion() == 2 }, "B did not follow A's model")
        #expect(try await a.client.modelVersion() == 2)

        // Kill A while it trains: B keeps serving a whole model, and once A's connections are gone its training
        // lock is free, so B can train.
        try #require(try await a.client.requestTraining())
        try await Task.sleep(for: .milliseconds(Int.random(in: 20...200)))
        a.kill()
        let finished = (try? String(contentsOf: a.log, encoding: .utf8))?.components(separatedBy: "trained a new model").count ?? 1
        let versionAfterKill = try await b.client.modelVersion()
        #expect([2, 3].contains(versionAfterKill), "B serves the old model or the one A finished: v\(versionAfterKill)")
        let servedByB = try await b.client.recommendations(for: "u1", count: 5)
        #expect(servedByB?.count == 5, "B keeps serving")
        // PostgreSQL frees a dead session's advisory lock once it notices the closed connection; until then B's
        // request finds the lock taken and is dropped, as an operator's would be, so it is repeated.
        var requestedAt = ContinuousClock.now - .seconds(10)
        let trainedByB = try await waitUntil(seconds: 60) {
            if try await b.client.modelVersion() > versionAfterKill { return true }
            if ContinuousClock.now - requestedAt > .seconds(2) {
                _ = try await b.client.requestTraining()
                requestedAt = ContinuousClock.now
            }
            return false
        }
        #expect(trainedByB, "B did not train after A was killed; B's log: \((try? String(contentsOf: b.log, encoding: .utf8)) ?? "")")
        let finalVersion = try await b.client.modelVersion()
        print("replicas: A had logged \(finished - 1) finished training(s) when killed (1: killed mid-run); B went v\(versionAfterKill) → v\(finalVersion)")
    }

    /// Polls `condition` every 100 ms until it holds (`true`) or `seconds` pass (`false`).
    static func waitUntil(seconds: Int, _ condition: () async throws -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return false
    }
}
