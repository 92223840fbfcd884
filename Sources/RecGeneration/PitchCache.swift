/// Pitches by (item, interest fingerprint), bounded: when full, the oldest entry goes first.
actor PitchCache {
    private let capacity: Int
    private var pitches: [String: Pitch] = [:]
    private var order: [String] = []

    /// An empty cache holding at most `capacity` pitches (0 keeps none).
    init(capacity: Int) { self.capacity = capacity }

    /// The key of `item` for interests with `fingerprint`.
    static func key(_ facts: PitchFacts, _ interests: InterestSummary) -> String {
        "\(facts.item.rawValue)\u{1F}\(interests.fingerprint)"
    }

    /// The pitch stored under `key`.
    func pitch(for key: String) -> Pitch? { pitches[key] }

    /// Stores `pitch` under `key`.
    func store(_ pitch: Pitch, for key: String) {
        guard capacity > 0 else { return }
        if pitches.updateValue(pitch, forKey: key) == nil { order.append(key) }
        while order.count > capacity { pitches.removeValue(forKey: order.removeFirst()) }
    }
}
