import Foundation
import RecCore
import RecStore
import Testing

/// The behaviour every ``Store`` must show, as one check per behaviour run on a fresh, empty store.
///
/// A test target runs every check on every kind of store it can build:
///
/// ```swift
/// @Test(arguments: StoreKind.allCases, StoreConformance.Check.allCases)
/// func conformance(kind: StoreKind, check: StoreConformance.Check) async throws {
///     try await kind.withStore { store in try await StoreConformance.run(check, on: store) }
/// }
/// ```
///
/// Checks record failures with `#expect`, so a failing check names the expectation that broke.
public enum StoreConformance {
    /// One behaviour of a ``Store``.
    public enum Check: String, CaseIterable, Sendable, CustomStringConvertible {
        /// Items, users, interactions and tags come back with every field, including `nil` ones.
        case roundTrip
        /// Writing the same batch again, with and without timestamps, adds no rows.
        case rewriteAddsNothing
        /// Events differing only in timestamp (unknown, 0, -1, 1) or kind are distinct; a repeat with
        /// another value is not, and keeps the first value.
        case eventIdentity
        /// Users and items that interactions and tags name are created with empty details and counted.
        case autoCreatesUsersAndItems
        /// A batch's item or user replaces the stored fields; auto-creation never changes an item.
        case upsertReplacesAutoCreateKeeps
        /// An item written again with an empty tagline, overview or keywords keeps the stored ones; a
        /// non-empty one replaces them.
        case emptyDescriptionKeepsStored
        /// `interactions()` and `interactions(of:)` follow the documented order.
        case interactionOrder
        /// `items(_:)` follows the requested order and leaves unknown ids out; `allItems()` is by id.
        case itemLookup
        /// An empty store reads as empty, and unknown ids as `nil` or `[]`.
        case emptyStore
        /// `counts()` matches the rows written over several batches.
        case counts
        /// Metadata is `nil` until set, then the latest value.
        case metadata
        /// Saved models get versions 1, 2, … per name, and the latest comes back with every field.
        case modelVersions
        /// A batch with an unstorable value throws `StoreError.invalidValue` and writes nothing.
        case failedBatchWritesNothing
        /// Batches written from concurrent tasks all land, and each new row is counted exactly once.
        case concurrentWrites
        /// `tags(of:)` returns one user's tags in the documented order.
        case tagsOfUser
        /// `deleteUser` removes the user's interactions, tags and row, and nobody else's.
        case deleteUser
        /// `deleteItem` removes the item with its interactions and tags, and nothing else.
        case deleteItem
        /// API keys round-trip, ids are unique, and revocation happens once.
        case apiKeys
        /// `withExclusiveLock` runs the body and returns its value when nobody else holds the lock, again
        /// after release, and for another name while one is held.
        case exclusiveLock

        /// The case name, shown in test results.
        public var description: String { rawValue }
    }

    /// Runs `check` on `store`, which must be empty.
    /// - Throws: whatever the store throws where the check expects success.
    public static func run(_ check: Check, on store: any Store) async throws {
        switch check {
        case .roundTrip: try await roundTrip(store)
        case .rewriteAddsNothing: try await rewriteAddsNothing(store)
        case .eventIdentity: try await eventIdentity(store)
        case .autoCreatesUsersAndItems: try await autoCreatesUsersAndItems(store)
        case .upsertReplacesAutoCreateKeeps: try await upsertReplacesAutoCreateKeeps(store)
        case .emptyDescriptionKeepsStored: try await emptyDescriptionKeepsStored(store)
        case .interactionOrder: try await interactionOrder(store)
        case .itemLookup: try await itemLookup(store)
        case .emptyStore: try await emptyStore(store)
        case .counts: try await counts(store)
        case .metadata: try await metadata(store)
        case .modelVersions: try await modelVersions(store)
        case .failedBatchWritesNothing: try await failedBatchWritesNothing(store)
        case .concurrentWrites: try await concurrentWrites(store)
        case .tagsOfUser: try await tagsOfUser(store)
        case .deleteUser: try await deleteUser(store)
        case .deleteItem: try await deleteItem(store)
        case .apiKeys: try await apiKeys(store)
        case .exclusiveLock: try await exclusiveLock(store)
        }
    }

    /// A batch using every field, with and without optional values, in no particular order.
    static let sample = StoreBatch(
        items: [
            Item(id: "1", title: "Toy Story", year: 1995, genres: ["Animation", "Children's", "Comedy"],
                 externalIDs: ExternalIDs(imdb: "0114709", tmdb: 862, movieLens: 1), tagline: "The adventure takes off!",
                 overview: "Led by Woody,\tAndy's toys live happily \\ in his room.\nThen \"Buzz\" arrives.",
                 keywords: ["jealousy", "toy", "boy", "friendship \"true\""]),
            Item(id: "2", title: "Jumanji", year: 1995, genres: ["Adventure"], externalIDs: ExternalIDs(tmdb: 8844)),
            Item(id: "3", title: "Untitled \"draft\" | 🎬", genres: ["Sci-Fi|Fantasy", "[odd] \"genre\""]),
        ],
        users: [
            User(id: "10", age: 24, gender: "M", occupation: "technician"),
            User(id: "2", age: 53, gender: "F"),
            User(id: "7"),
        ],
        interactions: [
            Interaction(user: "10", item: "2", kind: .rating, value: 3.5, timestamp: 881_250_949),
            Interaction(user: "10", item: "1", kind: .rating, value: 4, timestamp: 881_250_949),
            Interaction(user: "10", item: "3", kind: .watched),
            Interaction(user: "2", item: "1", kind: .like, timestamp: -86_400),
            Interaction(user: "2", item: "1", kind: .rating, value: 0.5, timestamp: 0),
            Interaction(user: "7", item: "3", kind: .skipped, value: 0.25),
        ],
        tags: [
            RecCore.Tag(user: "10", item: "1", text: "pixar", timestamp: 1_139_045_764),
            RecCore.Tag(user: "10", item: "1", text: "Pixar"),
            RecCore.Tag(user: "2", item: "3", text: "so-so, \"meh\""),
        ])

    /// `sample`'s interactions in the documented order: user id, timestamp (unknown first), item id.
    static let sampleInteractionsInOrder: [Interaction] = [
        Interaction(user: "10", item: "3", kind: .watched),
        Interaction(user: "10", item: "1", kind: .rating, value: 4, timestamp: 881_250_949),
        Interaction(user: "10", item: "2", kind: .rating, value: 3.5, timestamp: 881_250_949),
        Interaction(user: "2", item: "1", kind: .like, timestamp: -86_400),
        Interaction(user: "2", item: "1", kind: .rating, value: 0.5, timestamp: 0),
        Interaction(user: "7", item: "3", kind: .skipped, value: 0.25),
    ]

    /// `sample`'s tags in the documented order: user id, timestamp (unknown first), item id, text.
    static let sampleTagsInOrder: [RecCore.Tag] = [
        RecCore.Tag(user: "10", item: "1", text: "Pixar"),
        RecCore.Tag(user: "10", item: "1", text: "pixar", timestamp: 1_139_045_764),
        RecCore.Tag(user: "2", item: "3", text: "so-so, \"meh\""),
    ]

    static func roundTrip(_ store: any Store) async throws {
        let summary = try await store.write(sample)
        #expect(summary == StoreWriteSummary(items: 3, users: 3, interactions: 6, tags: 3))
        #expect(try await store.allItems() == sample.items)
        for user in sample.users {
            #expect(try await store.user(user.id) == user)
        }
        #expect(try await store.interactions() == sampleInteractionsInOrder)
        #expect(try await store.tags() == sampleTagsInOrder)
    }

    static func rewriteAddsNothing(_ store: any Store) async throws {
        try await store.write(sample)
        let again = try await store.write(sample)
        #expect(again == StoreWriteSummary(), "re-writing a batch must add no rows")
        #expect(try await store.counts() == StoreCounts(items: 3, users: 3, interactions: 6, tags: 3))
        #expect(try await store.interactions() == sampleInteractionsInOrder)
        #expect(try await store.tags() == sampleTagsInOrder)

        let untimed = StoreBatch(
            interactions: sample.interactions.map { Interaction(user: $0.user, item: $0.item, kind: $0.kind, value: $0.value) },
            tags: sample.tags.map { RecCore.Tag(user: $0.user, item: $0.item, text: $0.text) })
        let firstUntimed = try await store.write(untimed)
        let secondUntimed = try await store.write(untimed)
        // The four sample events that had a timestamp are new without one; the two that had none are not.
        // Of the tags only the timestamped "pixar" is new ("Pixar" is another text and had no timestamp).
        #expect(firstUntimed == StoreWriteSummary(interactions: 4, tags: 1))
        #expect(secondUntimed == StoreWriteSummary(), "events without timestamps must be deduplicated too")
        #expect(try await store.counts() == StoreCounts(items: 3, users: 3, interactions: 10, tags: 4))
    }

    static func eventIdentity(_ store: any Store) async throws {
        let distinct: [Interaction] = [
            Interaction(user: "u", item: "i", kind: .rating, value: 1),
            Interaction(user: "u", item: "i", kind: .rating, value: 2, timestamp: 0),
            Interaction(user: "u", item: "i", kind: .rating, value: 3, timestamp: -1),
            Interaction(user: "u", item: "i", kind: .rating, value: 4, timestamp: 1),
            Interaction(user: "u", item: "i", kind: .like),
            Interaction(user: "u", item: "j", kind: .rating, value: 1),
            Interaction(user: "v", item: "i", kind: .rating, value: 1),
        ]
        let repeats: [Interaction] = [
            Interaction(user: "u", item: "i", kind: .rating, value: 5),
            Interaction(user: "u", item: "i", kind: .rating, value: 5, timestamp: -1),
            Interaction(user: "u", item: "i", kind: .like, value: 1),
        ]
        let summary = try await store.write(StoreBatch(interactions: distinct + repeats))
        #expect(summary.interactions == distinct.count)
        let stored = try await store.interactions()
        #expect(Set(stored) == Set(distinct), "a repeated event keeps the value first written")
    }

    static func autoCreatesUsersAndItems(_ store: any Store) async throws {
        let summary = try await store.write(StoreBatch(
            items: [Item(id: "known", title: "Known")],
            interactions: [
                Interaction(user: "u1", item: "known", value: 4),
                Interaction(user: "u1", item: "new", value: 2),
            ],
            tags: [RecCore.Tag(user: "u2", item: "tagged", text: "cult")]))
        #expect(summary == StoreWriteSummary(items: 3, users: 2, interactions: 2, tags: 1))
        #expect(try await store.user("u1") == User(id: "u1"))
        #expect(try await store.user("u2") == User(id: "u2"))
        #expect(try await store.items(["known", "new", "tagged"]) == [
            Item(id: "known", title: "Known"), Item(id: "new", title: ""), Item(id: "tagged", title: ""),
        ])
    }

    static func upsertReplacesAutoCreateKeeps(_ store: any Store) async throws {
        let original = Item(id: "1", title: "Toy Story", year: 1995, genres: ["Animation"],
                            externalIDs: ExternalIDs(imdb: "0114709"))
        let renamed = Item(id: "1", title: "Toy Story (1995)", genres: ["Animation", "Comedy"],
                           externalIDs: ExternalIDs(tmdb: 862))
        try await store.write(StoreBatch(items: [original], users: [User(id: "u", age: 30, gender: "F")]))

        let update = try await store.write(StoreBatch(items: [renamed], users: [User(id: "u", occupation: "writer")]))
        #expect(update == StoreWriteSummary(), "an upsert of existing rows adds none")
        #expect(try await store.items(["1"]) == [renamed], "later fields win, including absent ones")
        #expect(try await store.user("u") == User(id: "u", occupation: "writer"))

        try await store.write(StoreBatch(interactions: [Interaction(user: "u", item: "1", value: 5)],
                                         tags: [RecCore.Tag(user: "u", item: "1", text: "classic")]))
        #expect(try await store.items(["1"]) == [renamed], "auto-creation must not clobber an existing item")
        #expect(try await store.user("u") == User(id: "u", occupation: "writer"))

        let together = Item(id: "9", title: "Heat", year: 1995)
        try await store.write(StoreBatch(items: [together], interactions: [Interaction(user: "u", item: "9", value: 4)]))
        #expect(try await store.items(["9"]) == [together], "an item and its interactions in one batch")

        let twice = try await store.write(StoreBatch(items: [Item(id: "8", title: "first"), Item(id: "8", title: "second")]))
        #expect(twice.items == 1)
        #expect(try await store.items(["8"]).map(\.title) == ["second"], "within a batch, later items win")
    }

    static func interactionOrder(_ store: any Store) async throws {
        let scrambled: [Interaction] = [
            Interaction(user: "b", item: "z", value: 1, timestamp: 300),
            Interaction(user: "a", item: "y", value: 2, timestamp: 200),
            Interaction(user: "b", item: "x", value: 3),
            Interaction(user: "b", item: "a", value: 4, timestamp: 300),
            Interaction(user: "a", item: "x", kind: .like, timestamp: 100),
            Interaction(user: "b", item: "m", value: 5, timestamp: -5),
            Interaction(user: "b", item: "c", kind: .watched),
            Interaction(user: "10", item: "x", value: 1, timestamp: 50),
            Interaction(user: "9", item: "x", value: 1, timestamp: 40),
        ]
        try await store.write(StoreBatch(interactions: scrambled))
        let ofB = try await store.interactions(of: "b")
        #expect(ofB.map(\.item) == ["c", "x", "m", "a", "z"], "unknown timestamps first, then by time, then by item")
        #expect(ofB.allSatisfy { $0.user == "b" })
        #expect(try await store.interactions(of: "a").map(\.item) == ["x", "y"])
        let all = try await store.interactions()
        #expect(all.map(\.user) == ["10", "9", "a", "a", "b", "b", "b", "b", "b"], "user ids sort as text")
        #expect(Array(all.suffix(5)) == ofB)
    }

    static func emptyDescriptionKeepsStored(_ store: any Store) async throws {
        let described = Item(id: "1", title: "Toy Story", tagline: "To infinity", overview: "Toys come alive.",
                             keywords: ["toy"])
        try await store.write(StoreBatch(items: [described]))
        let reimported = Item(id: "1", title: "Toy Story", year: 1995, genres: ["Animation"])
        try await store.write(StoreBatch(items: [reimported]))
        var expected = reimported
        (expected.tagline, expected.overview, expected.keywords) = (described.tagline, described.overview, described.keywords)
        #expect(try await store.items(["1"]) == [expected], "an import without text keeps the stored text")

        let retold = Item(id: "1", title: "Toy Story", overview: "A cowboy doll feels replaced.")
        try await store.write(StoreBatch(items: [retold]))
        expected = retold
        (expected.tagline, expected.keywords) = (described.tagline, described.keywords)
        #expect(try await store.items(["1"]) == [expected], "a new overview replaces the stored one, the rest is kept")
    }

    static func itemLookup(_ store: any Store) async throws {
        let items = ["c", "a", "b"].map { Item(id: ItemID($0), title: $0.uppercased()) }
        try await store.write(StoreBatch(items: items))
        #expect(try await store.items(["c", "missing", "a"]).map(\.id) == ["c", "a"])
        #expect(try await store.items([]) == [])
        #expect(try await store.allItems().map(\.id) == ["a", "b", "c"])
    }

    static func emptyStore(_ store: any Store) async throws {
        #expect(try await store.counts() == StoreCounts())
        #expect(try await store.interactions() == [])
        #expect(try await store.interactions(of: "nobody") == [])
        #expect(try await store.tags() == [])
        #expect(try await store.allItems() == [])
        #expect(try await store.items(["nothing"]) == [])
        #expect(try await store.user("nobody") == nil)
        #expect(try await store.metadata(for: "scale") == nil)
        #expect(try await store.latestModel(named: "als") == nil)
        #expect(try await store.write(StoreBatch()) == StoreWriteSummary())
    }

    static func counts(_ store: any Store) async throws {
        try await store.write(sample)
        try await store.write(StoreBatch(
            items: [Item(id: "4", title: "Heat")],
            interactions: [Interaction(user: "new", item: "1", kind: .like), sample.interactions[0]],
            tags: [RecCore.Tag(user: "7", item: "4", text: "heist")]))
        #expect(try await store.counts() == StoreCounts(items: 4, users: 4, interactions: 7, tags: 4))
    }
}
