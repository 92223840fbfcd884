/// Writes a pitch for one recommended item and one user's interests, using only the item's catalogue facts.
///
/// Implementations never fail: a generator that cannot produce a faithful text falls back to one that can
/// (``OfflinePitchGenerator``) and says so in the result.
public protocol PitchGenerator: Sendable {
    /// A pitch for `facts` written for someone with `interests`.
    func pitch(for facts: PitchFacts, interests: InterestSummary) async -> Pitch
}
