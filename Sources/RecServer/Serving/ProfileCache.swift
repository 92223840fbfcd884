import RecCore

/// Recently built ``UserProfile``s, so that a user's next request needs no read of the store, kept current by
/// the feedback this server accepts.
///
/// An entry is used for at most ``lifetime``: events another process wrote (a second replica, `marquee import`)
/// are seen within that time. Entries built under older ``ProfileRules`` are ignored. A profile loaded from the
/// store while feedback arrived is not cached (``ticket`` tells), because the load may have missed that feedback.
/// Value type, owned by the ``ModelRegistry`` actor. Lookups and updates are O(1) per user (plus the embedding
/// dimension per applied event); a full cache drops its expired entries, or all of them, in O(entries).
struct ProfileCache: Sendable {
    private struct Entry: Sendable {
        var profile: UserProfile
        var loadedAt: ContinuousClock.Instant
        var generation: Int
    }

    /// How long an entry is trusted; zero turns caching off.
    let lifetime: Duration
    /// Most users held.
    let capacity: Int
    private var entries: [UserID: Entry] = [:]
    /// Counts feedback batches applied; a load that began at another count is not cached.
    private(set) var ticket = 0

    /// An empty cache.
    init(lifetime: Duration, capacity: Int = 100_000) {
        self.lifetime = lifetime
        self.capacity = capacity
    }

    /// Users held now (including expired entries not yet dropped).
    var count: Int { entries.count }

    /// The cached profile of `user`, if fresh and built under `rules`.
    func profile(of user: UserID, rules: ProfileRules, now: ContinuousClock.Instant) -> UserProfile? {
        guard let entry = entries[user], entry.generation == rules.generation,
              now - entry.loadedAt < lifetime else { return nil }
        return entry.profile
    }

    /// Keeps `profile`, loaded from the store after ``ticket`` read `ticket`, unless feedback arrived since.
    mutating func insert(_ profile: UserProfile, for user: UserID, rules: ProfileRules, ticket: Int, now: ContinuousClock.Instant) {
        guard lifetime > .zero, ticket == self.ticket else { return }
        if entries.count >= capacity, entries[user] == nil {
            entries = entries.filter { now - $0.value.loadedAt < lifetime }
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
        }
        entries[user] = Entry(profile: profile, loadedAt: now, generation: rules.generation)
    }

    /// Applies newly stored events to the cached profiles of their users; a profile that cannot take an event
    /// in order (``UserProfile/apply(_:rules:)``) is dropped, to be rebuilt from the store.
    mutating func record(_ events: [Interaction], rules: ProfileRules) {
        ticket &+= 1
        for event in events {
            guard var entry = entries.removeValue(forKey: event.user) else { continue }
            if entry.generation == rules.generation, entry.profile.apply(event, rules: rules) {
                entries[event.user] = entry
            }
        }
    }

    /// Forgets `user` (their data was deleted).
    mutating func remove(_ user: UserID) {
        ticket &+= 1
        entries.removeValue(forKey: user)
    }

    /// Forgets every user.
    mutating func removeAll() {
        ticket &+= 1
        entries.removeAll()
    }
}
