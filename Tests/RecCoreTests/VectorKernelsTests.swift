import Testing
import RecCore

@Suite struct VectorKernelsTests {
    /// Every length around the 8- and 16-wide unrolling boundaries, against a plain Double loop.
    @Test(arguments: [0, 1, 7, 8, 9, 15, 16, 17, 31, 33, 100])
    func dotMatchesNaiveSum(count: Int) {
        var generator = SplitMix64(seed: UInt64(count))
        let x = (0..<count).map { _ in Float.random(in: -1...1, using: &generator) }
        let y = (0..<count).map { _ in Float.random(in: -1...1, using: &generator) }
        let expected = zip(x, y).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
        let got = x.withUnsafeBufferPointer { xp in
            y.withUnsafeBufferPointer { yp in VectorKernels.dot(xp.baseAddress!, yp.baseAddress!, count: count) }
        }
        #expect(abs(Double(got) - expected) < 1e-4)
    }

    @Test func axpyAddsScaledVector() {
        let x: [Float] = [1, 2, 3]
        var y: [Float] = [1, 1, 1]
        x.withUnsafeBufferPointer { xp in
            y.withUnsafeMutableBufferPointer { yp in VectorKernels.axpy(2, xp.baseAddress!, yp.baseAddress!, count: 3) }
        }
        #expect(y == [3, 5, 7])
    }

    @Test func sameSeedSameSequence() {
        var a = SplitMix64(seed: 42), b = SplitMix64(seed: 42)
        #expect((0..<5).map { _ in a.next() } == (0..<5).map { _ in b.next() })
    }
}
