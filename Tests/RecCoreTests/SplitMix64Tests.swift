import Testing
import RecCore

@Suite struct SplitMix64Tests {
    /// Values come in pairs; an odd count drops the second value of the last pair, nothing else.
    @Test func anOddCountCutsOnlyTheLastPair() {
        var odd = SplitMix64(seed: 7), even = SplitMix64(seed: 7)
        #expect(odd.gaussians(count: 5, standardDeviation: 0.1) == Array(even.gaussians(count: 6, standardDeviation: 0.1).prefix(5)))
    }

    /// Sample moments of 40 001 draws (an odd count, so the last pair is cut) match N(μ, σ²) within
    /// about five standard errors.
    @Test func gaussiansHaveTheRequestedMeanAndDeviation() {
        var generator = SplitMix64(seed: 1)
        let values = generator.gaussians(count: 40_001, mean: 2, standardDeviation: 0.5)
        #expect(values.count == 40_001)
        let mean = values.reduce(0.0) { $0 + Double($1) } / Double(values.count)
        let variance = values.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / Double(values.count)
        #expect(abs(mean - 2) < 0.0125)
        #expect(abs(variance.squareRoot() - 0.5) < 0.009)
    }

    @Test func gaussiansOfOneSeedRepeat() {
        var a = SplitMix64(seed: 9), b = SplitMix64(seed: 9)
        #expect(a.gaussians(count: 101) == b.gaussians(count: 101))
    }
}
