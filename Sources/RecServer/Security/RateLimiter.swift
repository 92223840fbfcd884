import RecCore

/// Requests per API key, limited by a token bucket: each key may make ``burst`` requests at once and then
/// ``perSecond`` a second on average; a request over the limit is told how many seconds to wait.
///
/// Keyed by the key's id (``APIKeys/id(of:)``), so raw keys are never held. O(1) per request; memory O(keys seen).
actor RateLimiter {
    private struct Bucket {
        var tokens: Double
        var updated: ContinuousClock.Instant
    }

    /// Sustained requests per second per key.
    let perSecond: Double
    /// Requests a key may make at once.
    let burst: Double
    private var buckets: [String: Bucket] = [:]

    /// A limiter of `perSecond` requests a second per key, `burst` at once (at least 1).
    init(perSecond: Double, burst: Double) {
        self.perSecond = perSecond
        self.burst = max(burst, 1)
    }

    /// Takes one request's token from `key`'s bucket.
    /// - Returns: `nil` when the request may go ahead, else the whole seconds (≥ 1) until it may.
    func admit(_ key: String, now: ContinuousClock.Instant = .now) -> Int? {
        var bucket = buckets[key] ?? Bucket(tokens: burst, updated: now)
        let elapsed = now - bucket.updated
        bucket.tokens = min(burst, bucket.tokens + elapsed.seconds * perSecond)
        bucket.updated = now
        defer { buckets[key] = bucket }
        guard bucket.tokens >= 1 else { return max(1, Int(((1 - bucket.tokens) / perSecond).rounded(.up))) }
        bucket.tokens -= 1
        return nil
    }
}
