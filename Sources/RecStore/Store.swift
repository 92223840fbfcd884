import Foundation
import RecCore

/// Persistent storage for the catalogue, users, interactions, tags and trained models.
///
/// Every implementation (SQLite now, PostgreSQL later) passes the same conformance suite in
/// `RecStoreTesting`. All writes of one call are atomic: either every row lands or none does.
public protocol Store: Sendable {
    /// Writes one import in a single transaction. Items and users are upserted by id (later
    /// fields win, except that an item's empty tagline, overview or keywords keep the stored ones); interactions and tags already present (same user, item, kind and timestamp;
    /// same user, item, text and timestamp) are not duplicated.
    /// - Returns: how many rows of each kind were new.
    @discardableResult
    func write(_ batch: StoreBatch) async throws -> StoreWriteSummary

    /// Every interaction, ordered by user id, then timestamp (unknown first), then item id.
    /// - Complexity: O(interactions).
    func interactions() async throws -> [Interaction]

    /// The interactions of one user, ordered by timestamp (unknown first), then item id.
    func interactions(of user: UserID) async throws -> [Interaction]

    /// Every tag, ordered by user id, then timestamp (unknown first), then item id, then text.
    /// - Complexity: O(tags).
    func tags() async throws -> [Tag]

    /// Items with the given ids that exist; unknown ids are left out. Order follows `ids`.
    func items(_ ids: [ItemID]) async throws -> [Item]

    /// Every item, ordered by id.
    func allItems() async throws -> [Item]

    /// A user, or `nil` if unknown.
    func user(_ id: UserID) async throws -> User?

    /// Row counts of each table.
    func counts() async throws -> StoreCounts

    /// A value stored under `key` by ``setMetadata(_:for:)`` (e.g. the data set's rating scale).
    func metadata(for key: String) async throws -> String?

    /// Stores `value` under `key`, replacing any earlier value.
    func setMetadata(_ value: String, for key: String) async throws

    /// The tags one user wrote, ordered by timestamp (unknown first), then item id, then text.
    func tags(of user: UserID) async throws -> [Tag]
    /// Removes a user and everything held about them (interactions, tags, the user row) in one transaction.
    /// - Returns: how many rows were removed in all; 0 for an unknown user.
    @discardableResult
    func deleteUser(_ id: UserID) async throws -> Int
    /// Removes an item from the catalogue with every interaction and tag naming it, in one transaction.
    /// - Returns: whether the item existed.
    @discardableResult
    func deleteItem(_ id: ItemID) async throws -> Bool
    /// Adds an API key.
    /// - Throws: `StoreError.conflict` if a key with the same id exists.
    func insert(_ key: APIKeyRecord) async throws
    /// The key with this id, revoked or not, or `nil`.
    func apiKey(id: String) async throws -> APIKeyRecord?
    /// Every key, revoked ones included, oldest first.
    func apiKeys() async throws -> [APIKeyRecord]
    /// Marks a key revoked at `date`, unless it already is.
    /// - Returns: whether a valid key with this id existed.
    @discardableResult
    func revokeAPIKey(id: String, at date: Date) async throws -> Bool
    /// Saves a trained model as the next version for its name; returns the version given (1, 2, …).
    @discardableResult
    func save(_ model: StoredModel) async throws -> Int

    /// The newest version of the model called `name`, or `nil` if none was saved.
    func latestModel(named name: String) async throws -> StoredModel?

    /// Runs `body` while holding the lock called `name`, unless another holder has it: then returns `nil`
    /// at once without running `body`. Replicas sharing a store use it so that one of them trains at a time.
    /// `SQLiteStore` serves one process and runs `body` at once; `PostgresStore` uses an advisory lock, which
    /// the server also releases when the holder's connection dies.
    func withExclusiveLock<T: Sendable>(_ name: String, _ body: () async throws -> T) async throws -> T?

    /// The newest version number saved under `name`, or `nil`; unlike ``latestModel(named:)`` it reads no
    /// payload, so replicas can poll it cheaply for a model another process trained.
    func latestModelVersion(named name: String) async throws -> Int?
}
