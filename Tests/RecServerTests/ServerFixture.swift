import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RecCore
import RecPipeline
@testable import RecServer
import RecStore
import RecStoreSQLite
import RecTestSupport
import Testing

/// A small catalogue with an obvious answer, a trained top-N model and one key of each role.
///
/// Twelve movies in three genres (c1…c4 comedies, d1…d4 dramas, h1…h4 horror); 36 users, each of whom
/// rates three movies of one genre 5 and one movie of another genre 2. ALS learns the three taste
/// clusters, so a newcomer who likes one horror film should get the other horror films first.
struct ServerFixture {
    let store: SQLiteStore
    let adminKey: String
    let clientKey: String

    static let genres = ["c": "Comedy", "d": "Drama", "h": "Horror"]

    static var items: [Item] {
        ["c", "d", "h"].flatMap { prefix in
            (1...4).map { Item(id: ItemID("\(prefix)\($0)"), title: "\(genres[prefix]!) \($0)", year: 1990 + $0,
                               genres: [genres[prefix]!]) }
        }
    }

    static var interactions: [Interaction] {
        let prefixes = ["c", "d", "h"]
        return (0..<36).flatMap { user -> [Interaction] in
            let own = prefixes[user % 3], other = prefixes[(user + 1) % 3]
            let skipped = 1 + (user / 3) % 4
            let liked = (1...4).filter { $0 != skipped }.map {
                Interaction(user: UserID("u\(user)"), item: ItemID("\(own)\($0)"), value: 5, timestamp: Int64(1000 + $0))
            }
            return liked + [Interaction(user: UserID("u\(user)"), item: ItemID("\(other)\(skipped)"), value: 2, timestamp: 2000)]
        }
    }

    /// A fresh store in `directory` with the catalogue, the ratings (scale 1…5), a trained ALS model and keys.
    static func make(in directory: URL) async throws -> ServerFixture {
        let store = try SQLiteStore(path: directory.appendingPathComponent("marquee.sqlite").path)
        try await store.write(StoreBatch(items: items, interactions: interactions))
        try await store.setMetadata(#"{"minimum":1,"maximum":5,"step":1}"#, for: "rating_scale")
        try await TopNTraining.train(.als, store: store)
        let keys = APIKeys(store: store)
        return ServerFixture(store: store, adminKey: try await keys.create(role: .admin).key,
                             clientKey: try await keys.create(role: .client).key)
    }

    /// Runs `body` against a router-level test client of an application over a fresh fixture.
    /// `prepare` runs on the fixture's store before the application starts.
    static func withRouter(_ configuration: ServerConfiguration = ServerConfiguration(retrainAfterEvents: 0, keyCacheSeconds: 0),
                           prepare: (SQLiteStore) async throws -> Void = { _ in },
                           _ body: @Sendable (ServerFixture, any TestClientProtocol) async throws -> Void) async throws {
        try await TemporaryDirectory.with { directory in
            let fixture = try await make(in: directory)
            try await prepare(fixture.store)
            let app = try await buildApplication(configuration, store: fixture.store)
            try await app.test(.router) { client in try await body(fixture, client) }
        }
    }

    /// Three-dimensional "embeddings", one axis per genre (comedy, drama, horror), stored as `marquee embed` stores them.
    static func storeGenreEmbeddings(in store: some Store) async throws {
        let axes = ["c": [Float(1), 0, 0], "d": [0, 1, 0], "h": [0, 0, 1]]
        let embeddings = StoredItemEmbeddings(encoder: "genre axes", items: items.map(\.id),
                                              fingerprints: items.map { _ in "" }, dimension: 3,
                                              vectors: items.flatMap { axes[String($0.id.rawValue.prefix(1))]! })
        _ = try await store.save(StoredModel(name: StoredItemEmbeddings.name, hyperparameters: Data("{}".utf8),
                                             dataFingerprint: "", payload: try JSONEncoder().encode(embeddings)))
    }

    func headers(_ key: String?) -> HTTPFields {
        var fields: HTTPFields = [.contentType: "application/json"]
        if let key { fields[.authorization] = "Bearer \(key)" }
        return fields
    }
}

extension TestResponse {
    /// The body decoded as `T`.
    func decoded<T: Decodable>(as type: T.Type) throws -> T {
        try JSONDecoder().decode(type, from: Data(buffer: body))
    }
}

extension ByteBuffer {
    /// The JSON encoding of `value`.
    static func json(_ value: some Encodable) throws -> ByteBuffer {
        ByteBuffer(bytes: try JSONEncoder().encode(value))
    }
}

extension TemporaryDirectory {
    /// Runs `body` with an empty SQLite store in a fresh directory.
    static func withStore(_ body: (SQLiteStore) async throws -> Void) async throws {
        try await with { directory in try await body(try SQLiteStore(path: directory.appendingPathComponent("marquee.sqlite").path)) }
    }
}
