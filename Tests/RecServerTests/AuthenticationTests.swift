import Foundation
import HummingbirdTesting
@testable import RecServer
import RecTestSupport
import Testing

/// Which routes need which key, and how refusals look.
@Suite struct AuthenticationTests {
    @Test func healthAndReadinessNeedNoKey() async throws {
        try await ServerFixture.withRouter { _, client in
            try await client.execute(uri: "/healthz", method: .get) { (response: TestResponse) async throws in
                #expect(response.status == .ok)
                #expect(try response.decoded(as: Health.self).status == "ok")
            }
            try await client.execute(uri: "/readyz", method: .get) { (response: TestResponse) async throws in
                #expect(response.status == .ok)
                #expect(try response.decoded(as: Readiness.self).model == "topn-als v1")
            }
        }
    }

    @Test func missingUnknownAndWrongRoleKeysAreRefused() async throws {
        try await ServerFixture.withRouter { fixture, client in
            try await client.execute(uri: "/v1/popular", method: .get) { (response: TestResponse) async throws in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.contentType] == "application/problem+json")
                let problem = try response.decoded(as: ProblemDetails.self)
                #expect(problem.type == "/problems/unauthorized")
                #expect(problem.status == 401)
                #expect(problem.detail.contains("Authorization: Bearer"))
            }
            try await client.execute(uri: "/v1/popular", method: .get, headers: fixture.headers("mq_" + String(repeating: "0", count: 48))) { (response: TestResponse) async throws in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: "/v1/popular", method: .get, headers: fixture.headers(fixture.clientKey)) { (response: TestResponse) async throws in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/v1/train", method: .post, headers: fixture.headers(fixture.clientKey)) { (response: TestResponse) async throws in
                #expect(response.status == .forbidden)
                #expect(try response.decoded(as: ProblemDetails.self).type == "/problems/forbidden")
            }
            try await client.execute(uri: "/metrics", method: .get, headers: fixture.headers(fixture.clientKey)) { (response: TestResponse) async throws in
                #expect(response.status == .forbidden)
            }
            try await client.execute(uri: "/v1/popular", method: .get, headers: fixture.headers(fixture.adminKey)) { (response: TestResponse) async throws in
                #expect(response.status == .ok, "admin keys may do what client keys may")
            }
        }
    }

    @Test func aRevokedKeyIsRefusedFromTheNextRequest() async throws {
        try await ServerFixture.withRouter { fixture, client in
            let keys = APIKeys(store: fixture.store)
            let (key, record) = try await keys.create(role: .client, label: "short-lived")
            try await client.execute(uri: "/v1/popular", method: .get, headers: fixture.headers(key)) { #expect($0.status == .ok) }
            try await keys.revoke(id: record.id)
            try await client.execute(uri: "/v1/popular", method: .get, headers: fixture.headers(key)) { #expect($0.status == .unauthorized) }
        }
    }

    @Test func aServerRemembersKeysBrieflyButForgetsOnesItRevokes() async throws {
        try await TemporaryDirectory.withStore { store in
            let server = APIKeys(store: store, cacheSeconds: 3600), other = APIKeys(store: store)
            let (key, record) = try await other.create(role: .client)
            #expect(try await server.role(of: key) == .client)
            try await store.revokeAPIKey(id: record.id, at: Date())
            #expect(try await other.role(of: key) == nil, "without a cache the store's word is final")
            #expect(try await server.role(of: key) == .client, "within the cache lifetime the remembered role stands")
            let (second, secondRecord) = try await server.create(role: .admin)
            #expect(try await server.role(of: second) == .admin)
            try await server.revoke(id: secondRecord.id)
            #expect(try await server.role(of: second) == nil, "a key revoked through the server is refused at once")
        }
    }

    @Test func keysAreStoredOnlyAsDigests() async throws {
        try await TemporaryDirectory.withStore { store in
            let keys = APIKeys(store: store)
            let (key, record) = try await keys.create(role: .admin, label: "ops")
            #expect(key.hasPrefix("mq_") && key.count == 51)
            #expect(record.digest.count == 32)
            #expect(!String(decoding: record.digest, as: UTF8.self).contains(key.dropFirst(3)))
            #expect(try await keys.role(of: key) == .admin)
            #expect(try await keys.role(of: key + "x") == nil)
            let error = await #expect(throws: ServerError.self) { try await keys.revoke(id: "nope") }
            #expect(error?.code == .unknownKey)
        }
    }

    @Test func theBootstrapAdminKeyIsInstalledOnce() async throws {
        try await TemporaryDirectory.withStore { store in
            let key = String(repeating: "k", count: 40)
            _ = try await buildApplication(ServerConfiguration(bootstrapAdminKey: key), store: store)
            _ = try await buildApplication(ServerConfiguration(bootstrapAdminKey: key), store: store)
            #expect(try await store.apiKeys().count == 1)
            #expect(try await APIKeys(store: store).role(of: key) == .admin)
            let short = await #expect(throws: ServerError.self) {
                _ = try await buildApplication(ServerConfiguration(bootstrapAdminKey: "short"), store: store)
            }
            #expect(short?.code == .invalidConfiguration)
        }
    }
}
