import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import RecCore
@testable import RecServer
import RecTestSupport
import Synchronization
import Testing

/// Per-key rate limits, and logs that never carry a user's id or words.
@Suite struct LimitsAndLogsTests {
    @Test func aBucketRefillsAtTheRateAndSaysHowLongToWait() async {
        let limiter = RateLimiter(perSecond: 2, burst: 2)
        let start = ContinuousClock.now
        #expect(await limiter.admit("k", now: start) == nil)
        #expect(await limiter.admit("k", now: start) == nil)
        #expect(await limiter.admit("k", now: start) == 1, "the burst is spent; one token comes in 0.5 s, rounded up to 1 s")
        #expect(await limiter.admit("other", now: start) == nil, "each key has its own bucket")
        #expect(await limiter.admit("k", now: start + .milliseconds(500)) == nil, "0.5 s at 2/s refills one token")
        #expect(await limiter.admit("k", now: start + .milliseconds(500)) != nil)
        let later = start + .seconds(60)
        #expect(await limiter.admit("k", now: later) == nil)
        #expect(await limiter.admit("k", now: later) == nil)
        #expect(await limiter.admit("k", now: later) != nil, "a minute's rest refills only up to the burst of 2")
    }

    @Test func aKeyOverItsLimitGets429WithRetryAfter() async throws {
        let configuration = ServerConfiguration(retrainAfterEvents: 0, keyCacheSeconds: 0, rateLimitPerSecond: 0.1)
        try await ServerFixture.withRouter(configuration) { fixture, client in
            var statuses: [HTTPResponse.Status] = []
            for _ in 0..<2 {
                try await client.execute(uri: "/v1/popular", method: .get,
                                         headers: fixture.headers(fixture.clientKey)) { (response: TestResponse) async throws in
                    statuses.append(response.status)
                    if response.status == .tooManyRequests {
                        #expect((9...10).contains(Int(response.headers[.retryAfter] ?? "") ?? 0), "a token every 10 s")
                        let problem = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                        #expect(problem?["type"] as? String == "/problems/too-many-requests")
                    }
                }
            }
            #expect(statuses == [.ok, .tooManyRequests], "a burst of one (the limit, at least 1), then the key waits")
            try await client.execute(uri: "/v1/popular", method: .get, headers: fixture.headers(fixture.adminKey)) { response in
                #expect(response.status == .ok, "another key is not held back")
            }
        }
    }

    /// Every request a user makes over a live loopback connection, including failing ones, and the retraining their
    /// feedback starts, at the most verbose log level: no log line or metadata
    /// value contains the user's id or any words of their review or mood text.
    @Test func logsNeverContainUserIdsOrTheirTexts() async throws {
        let lines = LogCapture.Lines()
        let logger = Logger(label: "marquee") { _ in LogCapture(lines: lines) }
        let user = "private-person-4711", review = "a secret confession about this haunting film"
        try await TemporaryDirectory.with { directory in
            let fixture = try await ServerFixture.make(in: directory)
            let app = try await buildApplication(ServerConfiguration(logLevel: .trace, retrainAfterEvents: 1, keyCacheSeconds: 0),
                                                 store: fixture.store, logger: logger)
            try await app.test(.live) { client in
                let headers = fixture.headers(fixture.clientKey), admin = fixture.headers(fixture.adminKey)
                let events: [(String, HTTPRequest.Method, HTTPFields, ByteBuffer?)] = [
                    ("/v1/feedback", .post, headers, try .json(FeedbackEvent(user: user, item: "h1", kind: .review, text: review))),
                    ("/v1/feedback", .post, headers, try .json(FeedbackEvent(user: user, item: "nope", kind: .like))),
                    ("/v1/feedback", .post, headers, ByteBuffer(string: "{\"user\": \"\(user)\", \"text\": \"\(review)\"")),
                    ("/v1/recommendations/text", .post, headers, try .json(["text": review])),
                    ("/v1/users/\(user)/recommendations?explain=true", .get, headers, nil),
                    ("/v1/users/\(user)", .get, headers, nil),
                    ("/v1/users/\(user)/export", .get, admin, nil),
                    ("/v1/users/\(user)/unknown-route", .get, headers, nil),
                    ("/v1/users/\(user)", .delete, admin, nil),
                    ("/v1/users/\(user)", .get, [HTTPField.Name("X-API-Key")!: "mq_\(user)"], nil),
                ]
                for (uri, method, fields, body) in events {
                    try await client.execute(uri: uri, method: method, headers: fields, body: body) { _ in }
                }
            }
        }
        let logged = lines.all
        #expect(!logged.isEmpty, "the trace level logs something, so the check below reads real output")
        let secrets = [user, "confession", "haunting"]
        for line in logged {
            for secret in secrets { #expect(!line.contains(secret), "a log line names '\(secret)': \(line)") }
        }
    }
}

/// A log handler that keeps every line, with the logger's metadata and the call's, as text.
struct LogCapture: LogHandler {
    /// The lines, shared by every copy of the handler (Logger copies it when metadata changes).
    final class Lines: Sendable {
        private let lines = Mutex<[String]>([])
        var all: [String] { lines.withLock { $0 } }
        func append(_ line: String) { lines.withLock { $0.append(line) } }
    }

    let lines: Lines
    var logLevel: Logger.Level = .trace
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String,
             file: String, function: String, line: UInt) {
        let merged = self.metadata.merging(metadata ?? [:]) { $1 }
        lines.append("\(level) \(message) \(merged)")
    }
}
