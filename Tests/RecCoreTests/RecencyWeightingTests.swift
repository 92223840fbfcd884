import RecCore
import Testing

@Suite struct RecencyWeightingTests {
    /// Three positives, half-life a third of them (one positive): the newest counts 1, the one before it 1/2, the
    /// oldest 1/4 — in the protocols' temporal order, where an unknown timestamp comes first and equal timestamps
    /// order item ids as strings ("10" before "9").
    @Test func weightsHalveEveryHalfLifeInTemporalOrder() {
        let weighting = RecencyWeighting(halfLifeShare: 1.0 / 3)
        let history = weighting.history(of: [
            Interaction(user: "u", item: "9", kind: .watched, value: 1, timestamp: 50),
            Interaction(user: "u", item: "old", kind: .watched, value: 1, timestamp: nil),
            Interaction(user: "u", item: "10", kind: .watched, value: 1, timestamp: 50),
        ])
        #expect(abs(history["old", default: 0] - 0.25) < 1e-6)
        #expect(abs(history["10", default: 0] - 0.5) < 1e-6)
        #expect(history["9"] == 1)
    }

    /// Half-life 2/3 of three positives (two): a positive followed by two later ones counts 1/2, by one 2^(−1/2);
    /// values scale the weight.
    @Test func valuesScaleTheWeightAndTheLargerOfTwoEntriesIsKept() {
        let weighting = RecencyWeighting(halfLifeShare: 2.0 / 3)
        let history = weighting.history(of: [
            Interaction(user: "u", item: "a", kind: .rating, value: 3, timestamp: 1),
            Interaction(user: "u", item: "b", kind: .watched, value: 1, timestamp: 2),
            Interaction(user: "u", item: "a", kind: .watched, value: 1, timestamp: 3),
        ])
        #expect(abs(history["a", default: 0] - 1.5) < 1e-6)  // 3 × 1/2 beats 1 × 1
        #expect(abs(history["b", default: 0] - Float(0.5).squareRoot()) < 1e-6)
        #expect(weighting.weight(later: 0, of: 3) == 1)
        #expect(weighting.weight(later: 5, of: 0).isFinite)
    }

    @Test func onlyFinitePositiveSharesAreValid() {
        #expect(RecencyWeighting(halfLifeShare: 0.2).isValid)
        for bad: Float in [0, -1, .infinity, .nan] { #expect(!RecencyWeighting(halfLifeShare: bad).isValid) }
    }
}
