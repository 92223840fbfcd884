/// At most `limit` holders at once; others wait in arrival order (a counting semaphore for async code).
actor ConcurrencyLimiter {
    private var available: Int
    private var waiters: [CheckedContinuation<Void, Never>] = []

    /// A limiter with `limit` slots.
    init(limit: Int) { available = limit }

    /// Takes a slot, waiting for one to be released if none is free.
    func acquire() async {
        if available > 0 {
            available -= 1
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    /// Gives a slot back: to the longest waiter, if any.
    func release() {
        if waiters.isEmpty { available += 1 } else { waiters.removeFirst().resume() }
    }

    /// Runs `body` holding a slot.
    func withSlot<T: Sendable>(_ body: @Sendable () async -> T) async -> T {
        await acquire()
        let result = await body()
        release()
        return result
    }
}
