import RecCore

extension SplitMix64 {
    /// A generator whose stream is fixed by `seed` and every value of `parts` in order, one SplitMix64 step
    /// per part: independent streams for (seed, epoch, block) or (seed, user id bytes) without Swift's
    /// per-process randomly seeded `Hasher`.
    /// - Complexity: O(parts).
    init<Parts: Sequence>(seed: UInt64, mixing parts: Parts) where Parts.Element: FixedWidthInteger {
        var mixed = seed
        for part in parts {
            var step = SplitMix64(seed: mixed ^ UInt64(truncatingIfNeeded: part))
            mixed = step.next()
        }
        self.init(seed: mixed)
    }
}
