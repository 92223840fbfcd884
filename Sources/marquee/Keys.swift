import ArgumentParser
import Foundation
import RecServer
import RecStore
import RecPipeline

/// `marquee keys`: API keys for the server.
struct Keys: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create, list and revoke API keys.",
        subcommands: [Create.self, List.self, Revoke.self])

    /// `marquee keys create`.
    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a key; it is printed once and stored only as a hash.")
        @OptionGroup var store: StoreOptions
        @Option(help: "client (recommendations, feedback) or admin (also catalogue, training, export, deletion).")
        var role: APIKeyRole = .client
        @Option(help: "A note for operators.")
        var label = ""

        func run() async throws {
            let (key, record) = try await store.location().withStore { database in
                try await APIKeys(store: database).create(role: role, label: label)
            }
            print("created \(record.role.rawValue) key \(record.id): \(key)")
        }
    }

    /// `marquee keys list`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List keys (ids, roles, labels; never the keys).")
        @OptionGroup var store: StoreOptions

        func run() async throws {
            for key in try await store.location().withStore({ database in try await APIKeys(store: database).list() }) {
                let state = key.revokedAt.map { "revoked \($0.formatted(.iso8601))" } ?? "valid"
                print("\(key.id)  \(key.role.rawValue)  \(state)  created \(key.createdAt.formatted(.iso8601))  \(key.label)")
            }
        }
    }

    /// `marquee keys revoke`.
    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a key by id; the server refuses it from the next request.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The key's id, as `marquee keys list` shows it.")
        var id: String

        func run() async throws {
            try await store.location().withStore { database in try await APIKeys(store: database).revoke(id: id) }
            print("revoked \(id)")
        }
    }
}

extension APIKeyRole: ExpressibleByArgument {}
