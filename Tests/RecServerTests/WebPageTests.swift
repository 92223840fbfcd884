import Foundation
import HummingbirdTesting
import RecPipeline
@testable import RecServer
import RecTestSupport
import Testing

/// The web page in a real browser, and the OpenAPI document against the live server.
@Suite struct LiveServerTests {
    static let browserTools = ["/usr/bin/chromium", "/usr/bin/chromedriver"]
    static var hasBrowser: Bool { browserTools.allSatisfy(ExternalCommand.isInstalled) }
    static var hasSchemathesis: Bool { ExternalCommand.isInstalled("schemathesis") }

    /// Runs `body` with a live server over a fresh fixture, on loopback, given its base URL.
    static func withLiveServer(_ body: @Sendable @escaping (ServerFixture, String) async throws -> Void) async throws {
        try await TemporaryDirectory.with { directory in
            let fixture = try await ServerFixture.make(in: directory)
            let app = try await buildApplication(ServerConfiguration(retrainAfterEvents: 0), store: fixture.store)
            try await app.test(.live) { client in
                let port = try #require(client.port)
                try await body(fixture, "http://localhost:\(port)")
            }
        }
    }

    @Test(.enabled(if: hasBrowser || TestData.isCI,
                   "needs Debian's chromium and chromium-driver and PyPI's selenium (scripts/setup installs them)"))
    func likingAFilmInTheBrowserChangesTheList() async throws {
        let artefacts = TestData.projectRoot.appendingPathComponent(".build/test-artefacts")
        try FileManager.default.createDirectory(at: artefacts, withIntermediateDirectories: true)
        let screenshot = artefacts.appendingPathComponent("web-page.png")
        try? FileManager.default.removeItem(at: screenshot)
        try await Self.withLiveServer { fixture, url in
            let script = TestData.projectRoot.appendingPathComponent("scripts/browser/web_page_check.py").path
            let result = try await ExternalCommand.launch("python3", arguments: [script, "--url", url + "/", "--key", fixture.clientKey,
                                                                                 "--screenshot", screenshot.path])
            #expect(result.status == 0, "\(result.errors)")
            let report = try JSONSerialization.jsonObject(with: result.output) as? [String: Any]
            let before = report?["before"] as? [String] ?? [], after = report?["after"] as? [String] ?? []
            #expect(!before.isEmpty && before != after)
            #expect((report?["because"] as? String)?.hasPrefix("Because you liked ") == true, "the first card explains itself")
            #expect((report?["generator"] as? String) == "offline", "without MARQUEE_LLM_* the pitch is written offline")
            let pitch = report?["pitch"] as? String ?? ""
            #expect(pitch.contains(ServerFixture.genres.values.first { pitch.contains($0) } ?? "no genre"), "\(pitch)")
        }
        let png = try Data(contentsOf: screenshot)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "the screenshot is a PNG")
    }

    @Test(.enabled(if: hasSchemathesis || TestData.isCI, "needs schemathesis from PyPI (scripts/setup installs it)"))
    func theOpenAPIDocumentMatchesTheServer() async throws {
        try await Self.withLiveServer { fixture, url in
            let settings = TestData.projectRoot.appendingPathComponent("scripts/schemathesis.toml").path
            let result = try await ExternalCommand.launch("schemathesis", arguments: [
                "--config-file", settings, "--no-color", "run", url + "/openapi.json", "--url", url,
                "--header", "Authorization: Bearer \(fixture.adminKey)", "--max-examples", "25", "--seed", "1",
                // Every check but positive_data_acceptance: whether a schema-valid event is accepted depends on the
                // store (a rating must lie on its scale, an item must be in the catalogue, a review needs text),
                // which the schema cannot say; those refusals are tested in FeedbackRouteTests.
                "--checks", "all", "--exclude-checks", "positive_data_acceptance"])
            let report = String(decoding: result.output, as: UTF8.self)
            let failures = report.range(of: "FAILURES").map { report[$0.lowerBound...] } ?? report[...]
            #expect(result.status == 0, "\(failures.prefix(8000))\n\(result.errors.suffix(2000))")
        }
    }
}
