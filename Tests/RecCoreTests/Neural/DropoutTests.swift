import Testing
import RecCore

@Suite struct DropoutTests {
    static func forward(_ dropout: Dropout, _ input: [Float], seed: UInt64) -> (output: [Float], mask: [Float]) {
        var output = input
        var mask = [Float](repeating: .nan, count: input.count)
        var generator = SplitMix64(seed: seed)
        output.withUnsafeMutableBufferPointer { y in
            mask.withUnsafeMutableBufferPointer { m in
                dropout.forward(y.baseAddress!, mask: m.baseAddress!, count: input.count, generator: &generator)
            }
        }
        return (output, mask)
    }

    @Test func dropsAboutTheRateAndKeepsTheExpectedValue() {
        let (output, mask) = Self.forward(Dropout(rate: 0.3), [Float](repeating: 1, count: 10_000), seed: 5)
        let dropped = mask.filter { $0 == 0 }.count
        #expect(abs(Double(dropped) / 10_000 - 0.3) < 0.02)
        #expect(Set(mask) == [0, 1 / 0.7])
        #expect(abs(output.reduce(0, +) / 10_000 - 1) < 0.03)
    }

    @Test func rateZeroIsTheIdentity() {
        let input: [Float] = [1, -2, 3]
        let (output, mask) = Self.forward(Dropout(rate: 0), input, seed: 1)
        #expect(output == input)
        #expect(mask == [1, 1, 1])
    }

    /// With the mask fixed by the seed, L = c·(mask ⊙ x) and ∂L/∂x = mask ⊙ c.
    @Test func gradientMatchesFiniteDifferences() {
        var generator = SplitMix64(seed: 6)
        let x = randomValues(12, &generator), c = randomValues(12, &generator)
        let dropout = Dropout(rate: 0.5)
        let mask = Self.forward(dropout, x, seed: 7).mask
        var gradient = c
        mask.withUnsafeBufferPointer { m in
            gradient.withUnsafeMutableBufferPointer { dropout.backward(mask: m.baseAddress!, gradients: $0.baseAddress!, count: 12) }
        }
        let check = GradientCheck()
        let numeric = check.numeric(x) { weightedSum(Self.forward(dropout, $0, seed: 7).output, c) }
        #expect(check.worstError(analytic: gradient, numeric: numeric) < check.tolerance)
        #expect(mask.contains(0) && mask.contains(2), "the seed must drop some values and keep others")
    }
}
