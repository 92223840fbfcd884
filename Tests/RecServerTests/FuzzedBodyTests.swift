import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import RecCore
@testable import RecServer
import Testing

/// Mutated JSON bodies against every route that decodes one (but the mood route, which answers 503 without the
/// text model): the server answers each with a 2xx or a 4xx problem, never a 5xx, and keeps serving.
///
/// Inputs: `MARQUEE_FUZZ_RUNS` (default 2,000 for CI; `scripts/fuzz` runs 1,000,000), each a valid body of a random
/// route mutated by up to four random edits (flip, insert, delete a byte; splice in a JSON token; truncate), from
/// a seed printed with any failure (`MARQUEE_FUZZ_SEED` repeats it).
@Suite struct FuzzedBodyTests {
    static let bodies: [(uri: String, method: HTTPRequest.Method, json: String)] = [
        ("/v1/feedback", .post, #"{"user":"u1","item":"c1","kind":"rating","value":4,"timestamp":10}"#),
        ("/v1/feedback", .post, #"{"user":"u1","item":"c2","kind":"review","text":"Loved it!"}"#),
        ("/v1/feedback/batch", .post, #"{"events":[{"user":"u1","item":"c1","kind":"like"},{"user":"u2","item":"h1","kind":"skipped","timestamp":5}]}"#),
        ("/v1/items", .post, #"{"items":[{"id":"n1","title":"New (2020)","year":2020,"genres":["Drama"]}]}"#),
        ("/v1/items/c1", .put, #"{"id":"c1","title":"Comedy 1","year":1991,"genres":["Comedy"]}"#),
    ]
    static let tokens = ["{", "}", "[", "]", ",", ":", "\"", "null", "true", "-1e999", "1e308", "\"\\u0000\"", "\"\\ud800\"",
                         "0.5", "\"kind\"", "\"rating\"", "\"events\"", String(repeating: "[", count: 600)]

    @Test func mutatedBodiesNeverCauseA5xx() async throws {
        let runs = Int(ProcessInfo.processInfo.environment["MARQUEE_FUZZ_RUNS"] ?? "") ?? 2_000
        let seed = UInt64(ProcessInfo.processInfo.environment["MARQUEE_FUZZ_SEED"] ?? "") ?? UInt64.random(in: 1...1_000_000)
        let configuration = ServerConfiguration(retrainAfterEvents: 0, keyCacheSeconds: 0, rateLimitPerSecond: 0)
        try await ServerFixture.withRouter(configuration) { fixture, client in
            var random = SplitMix64(seed: seed)
            var statuses: [Int: Int] = [:]
            for run in 0..<runs {
                let (uri, method, json) = Self.bodies[Int.random(in: 0..<Self.bodies.count, using: &random)]
                let body = Self.mutate(Array(json.utf8), using: &random)
                let status = try await client.execute(uri: uri, method: method, headers: fixture.headers(fixture.adminKey),
                                                      body: ByteBuffer(bytes: body)) { $0.status.code }
                statuses[status, default: 0] += 1
                if status >= 500 {
                    Issue.record("seed \(seed), run \(run): \(status) for \(method) \(uri) with body \(String(decoding: body, as: UTF8.self))")
                    return
                }
            }
            #expect(statuses.keys.contains { $0 < 300 } && statuses.keys.contains { $0 >= 400 },
                    "mutations both kept bodies valid and broke them: \(statuses)")
        }
    }

    /// `bytes` after up to four random edits.
    static func mutate(_ bytes: [UInt8], using random: inout SplitMix64) -> [UInt8] {
        var bytes = bytes
        for _ in 0..<Int.random(in: 0...4, using: &random) {
            let position = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<5, using: &random) {
            case 0 where !bytes.isEmpty: bytes[position] ^= UInt8(1) << UInt8.random(in: 0...7, using: &random)
            case 1: bytes.insert(UInt8.random(in: 0...255, using: &random), at: position)
            case 2 where !bytes.isEmpty: bytes.remove(at: position)
            case 3: bytes.insert(contentsOf: Array(tokens[Int.random(in: 0..<tokens.count, using: &random)].utf8), at: position)
            default: bytes = Array(bytes.prefix(position))
            }
        }
        return bytes
    }
}
