import Foundation
import HummingbirdTesting
import NIOCore
import RecCore
@testable import RecServer
import RecTestSupport
import Testing

/// Catalogue upserts and deletions, user summaries, export and deletion.
@Suite struct CatalogueAndUserRouteTests {
    @Test func adminsUpsertAndDeleteItems() async throws {
        try await ServerFixture.withRouter { fixture, client in
            let admin = fixture.headers(fixture.adminKey), reader = fixture.headers(fixture.clientKey)
            let new = #"{"id":"n1","title":"New Film","year":2026,"genres":["Comedy"],"tmdbId":42}"#
            try await client.execute(uri: "/v1/items/n1", method: .put, headers: reader, body: ByteBuffer(string: new)) {
                #expect($0.status == .forbidden)
            }
            try await client.execute(uri: "/v1/items/n1", method: .put, headers: admin, body: ByteBuffer(string: new)) { (response: TestResponse) async throws in
                #expect(try response.decoded(as: CatalogueReceipt.self) == CatalogueReceipt(accepted: 1, new: 1))
            }
            try await client.execute(uri: "/v1/items/n1", method: .get, headers: reader) { (response: TestResponse) async throws in
                let item = try response.decoded(as: CatalogueItem.self)
                #expect(item.title == "New Film" && item.tmdbId == 42)
            }
            try await client.execute(uri: "/v1/latest?n=1", method: .get, headers: reader) { (response: TestResponse) async throws in
                #expect(try response.decoded(as: ItemList.self).items.map(\.id) == ["n1"])
            }
            try await client.execute(uri: "/v1/items/n1", method: .put, headers: admin, body: ByteBuffer(string: #"{"id":"n2","title":"Renamed"}"#)) { (response: TestResponse) async throws in
                #expect(try response.decoded(as: CatalogueReceipt.self) == CatalogueReceipt(accepted: 1, new: 0), "the path's id wins")
            }
            try await client.execute(uri: "/v1/items/n2", method: .get, headers: reader) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/v1/items", method: .post, headers: admin,
                                     body: ByteBuffer(string: #"{"items":[{"id":"n3","title":"ok"},{"id":"n4","title":""}]}"#)) { (response: TestResponse) async throws in
                #expect(try response.decoded(as: ProblemDetails.self).field == "items[1].title")
            }
            try await client.execute(uri: "/v1/items/h1", method: .delete, headers: admin) { #expect($0.status == .noContent) }
            try await client.execute(uri: "/v1/items/h1", method: .get, headers: reader) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/v1/users/u2/recommendations?n=10", method: .get, headers: reader) { (response: TestResponse) async throws in
                #expect(try response.decoded(as: ItemList.self).items.map(\.id).contains("h1") == false,
                        "a deleted item is never recommended, though the model still knows it")
            }
            try await client.execute(uri: "/v1/items/h1", method: .delete, headers: admin) { #expect($0.status == .notFound) }
        }
    }

    @Test func usersCanBeSummarisedExportedAndDeleted() async throws {
        try await ServerFixture.withRouter { fixture, client in
            let admin = fixture.headers(fixture.adminKey), reader = fixture.headers(fixture.clientKey)
            try await client.execute(uri: "/v1/feedback", method: .post, headers: reader,
                                     body: try .json(FeedbackEvent(user: "u5", item: "c1", kind: .review, text: "A delight", timestamp: 5000))) { _ in }
            try await client.execute(uri: "/v1/users/u5", method: .get, headers: reader) { (response: TestResponse) async throws in
                #expect(try response.decoded(as: UserSummary.self) == UserSummary(id: "u5", interactions: 5, positives: 4, texts: 1))
            }
            try await client.execute(uri: "/v1/users/u5/export", method: .get, headers: reader) { #expect($0.status == .forbidden) }
            try await client.execute(uri: "/v1/users/u5/export", method: .get, headers: admin) { (response: TestResponse) async throws in
                let export = try response.decoded(as: UserExport.self)
                #expect(export.interactions.count == 5)
                #expect(export.texts.map(\.text) == ["A delight"])
            }
            try await client.execute(uri: "/v1/users/u5", method: .delete, headers: admin) { (response: TestResponse) async throws in
                #expect(try response.decoded(as: DeletionReceipt.self).removed == 7, "5 events, 1 text, the user row")
            }
            try await client.execute(uri: "/v1/users/u5", method: .get, headers: reader) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/v1/users/u5/recommendations", method: .get, headers: reader) { (response: TestResponse) async throws in
                #expect(try response.decoded(as: ItemList.self).fallback, "a deleted user's history no longer shapes their list")
            }
            try await client.execute(uri: "/v1/users?n=2", method: .get, headers: reader) { (response: TestResponse) async throws in
                #expect(try response.decoded(as: UserList.self).users.count == 2)
            }
        }
    }
}
