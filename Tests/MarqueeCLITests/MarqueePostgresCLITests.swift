import Foundation
import RecStore
import RecStorePostgres
import RecTestSupport
import Testing

/// The `marquee` binary on PostgreSQL, chosen by `--database postgres://…` and by `MARQUEE_DATABASE_URL`.
/// The PostgreSQL test is skipped without a server, except under `CI=true`.
@Suite struct MarqueePostgresCLITests {
    @Test(.requiresPostgres) func importTrainRecommendAndKeysUseThePostgresDatabase() async throws {
        let directory = try MarqueeProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = try PostgresTestDatabase.freshURL()
        let configuration = try PostgresStoreConfiguration(url: url)
        let events = directory.appendingPathComponent("events.csv")
        // 30 users in three taste groups, each rating three of their group's four movies 5 and one other movie 2.
        let lines = (0..<30).flatMap { user -> [String] in
            let own = ["c", "d", "h"][user % 3], other = ["c", "d", "h"][(user + 1) % 3], skipped = 1 + (user / 3) % 4
            return (1...4).filter { $0 != skipped }.map { "u\(user),\(own)\($0),5,\(1000 + $0)" } + ["u\(user),\(other)\(skipped),2,2000"]
        }
        try (["user,item,rating,timestamp"] + lines).joined(separator: "\n").write(to: events, atomically: true, encoding: .utf8)
        do {
            let imported = try MarqueeProcess.run(["import", events.path, "--format", "csv", "--database", url], in: directory)
            #expect(imported.exitCode == 0, "stderr: \(imported.standardError)")
            #expect(imported.standardOutput.contains("new:  \(lines.count) interactions"), "\(imported.standardOutput)")
            let again = try MarqueeProcess.run(["import", events.path, "--format", "csv"], in: directory,
                                               environment: ["MARQUEE_DATABASE_URL": url])
            #expect(again.standardOutput.contains("new:  0 interactions"), "MARQUEE_DATABASE_URL names the same database")

            let trained = try MarqueeProcess.run(["train", "--database", url], in: directory)
            #expect(trained.exitCode == 0, "stderr: \(trained.standardError)")
            #expect(trained.standardOutput.contains("trained biased-mf v1"), "\(trained.standardOutput)")
            let recommended = try MarqueeProcess.run(["recommend", "u2", "--count", "3", "--database", url], in: directory)
            #expect(recommended.exitCode == 0, "stderr: \(recommended.standardError)")
            #expect(recommended.standardOutput.contains("top 3 for user u2 (biased-mf v1)"), "the model stored in PostgreSQL: \(recommended.standardOutput)")

            let created = try MarqueeProcess.run(["keys", "create", "--label", "cli"], in: directory,
                                                 environment: ["MARQUEE_DATABASE_URL": url])
            #expect(created.exitCode == 0, "stderr: \(created.standardError)")
            #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("marquee.sqlite").path),
                    "no SQLite file when a PostgreSQL URL is given")

            try await PostgresStore.with(configuration) { store async throws in
                #expect(try await store.counts().interactions == lines.count)
                #expect(try await store.latestModel(named: "biased-mf")?.version == 1)
                #expect(try await store.apiKeys().map(\.label) == ["cli"])
            }
        } catch {
            try? await PostgresStore.with(configuration) { store in try await store.dropSchema() }
            throw error
        }
        try await PostgresStore.with(configuration) { store in try await store.dropSchema() }
    }

    @Test func aMalformedURLIsAUsageError() throws {
        let run = try MarqueeProcess.run(["train", "--database", "postgres://h/db?sslmode=sometimes"])
        #expect(run.exitCode == 64, "ValidationError exits with EX_USAGE")
        #expect(run.standardError.contains("sslmode"), "\(run.standardError)")
    }
}
