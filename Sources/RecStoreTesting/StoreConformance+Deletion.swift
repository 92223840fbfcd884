import Foundation
import RecCore
import RecStore
import Testing

/// Checks of per-user reads, deletions and API keys.
extension StoreConformance {
    static func tagsOfUser(_ store: any Store) async throws {
        try await store.write(sample)
        #expect(try await store.tags(of: "10") == sampleTagsInOrder.filter { $0.user == "10" })
        #expect(try await store.tags(of: "7") == [])
        #expect(try await store.tags(of: "unknown") == [])
    }

    static func deleteUser(_ store: any Store) async throws {
        try await store.write(sample)
        let before = try await store.counts()
        #expect(try await store.deleteUser("10") == 6, "3 interactions, 2 tags and the user row")
        #expect(try await store.user("10") == nil)
        #expect(try await store.interactions(of: "10") == [])
        #expect(try await store.tags(of: "10") == [])
        #expect(try await store.interactions() == sampleInteractionsInOrder.filter { $0.user != "10" })
        #expect(try await store.tags() == sampleTagsInOrder.filter { $0.user != "10" })
        #expect(try await store.counts() == StoreCounts(items: before.items, users: before.users - 1,
                                                          interactions: before.interactions - 3, tags: before.tags - 2),
                "items stay; only the user's rows go")
        #expect(try await store.deleteUser("10") == 0, "deleting again removes nothing")
    }

    static func deleteItem(_ store: any Store) async throws {
        try await store.write(sample)
        #expect(try await store.deleteItem("1"))
        #expect(try await store.items(["1"]) == [])
        #expect(try await store.interactions() == sampleInteractionsInOrder.filter { $0.item != "1" })
        #expect(try await store.tags() == sampleTagsInOrder.filter { $0.item != "1" })
        #expect(try await store.counts().users == 3, "users stay")
        #expect(try await store.deleteItem("1") == false)
    }

    static func apiKeys(_ store: any Store) async throws {
        let admin = APIKeyRecord(id: "a1b2c3d4", role: .admin, digest: Data(repeating: 0xAB, count: 32), label: "ops",
                                 createdAt: Date(timeIntervalSince1970: 1_700_000_000))
        let client = APIKeyRecord(id: "00ff00ff", role: .client, digest: Data((0..<32).map(UInt8.init)),
                                  createdAt: Date(timeIntervalSince1970: 1_700_000_100.5))
        #expect(try await store.apiKeys() == [])
        try await store.insert(client)
        try await store.insert(admin)
        #expect(try await store.apiKey(id: "a1b2c3d4") == admin)
        #expect(try await store.apiKey(id: "missing") == nil)
        #expect(try await store.apiKeys() == [admin, client], "oldest first")
        let duplicate = await #expect(throws: StoreError.self) { try await store.insert(admin) }
        #expect(duplicate?.code == .conflict)
        let revokedAt = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(try await store.revokeAPIKey(id: "00ff00ff", at: revokedAt))
        #expect(try await store.revokeAPIKey(id: "00ff00ff", at: Date()) == false, "a key is revoked once")
        #expect(try await store.revokeAPIKey(id: "missing", at: Date()) == false)
        #expect(try await store.apiKey(id: "00ff00ff")?.revokedAt == revokedAt)
    }
}
