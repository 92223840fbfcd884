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

@Suite struct SGDStepKernelTests {
    /// Lengths around the 8-wide boundary, with and without a shift, against the textbook update.
    @Test(arguments: [0, 1, 7, 8, 9, 17, 100], [false, true])
    func sgdStepMatchesTextbookUpdate(count: Int, shifted: Bool) {
        var generator = SplitMix64(seed: UInt64(count))
        let x0 = (0..<count).map { _ in Float.random(in: -1...1, using: &generator) }
        let y0 = (0..<count).map { _ in Float.random(in: -1...1, using: &generator) }
        let shift = (0..<count).map { _ in shifted ? Float.random(in: -1...1, using: &generator) : 0 }
        let (error, rate, lambda): (Float, Float, Float) = (0.7, 0.05, 0.1)
        var x = x0, y = y0
        x.withUnsafeMutableBufferPointer { xp in
            y.withUnsafeMutableBufferPointer { yp in
                shift.withUnsafeBufferPointer { sp in
                    VectorKernels.sgdStep(xp.baseAddress!, yp.baseAddress!, shift: shifted ? sp.baseAddress! : nil,
                                          error: error, learningRate: rate, regularization: lambda, count: count)
                }
            }
        }
        for k in 0..<count {
            let expectedX = x0[k] + rate * (error * y0[k] - lambda * x0[k])
            let expectedY = y0[k] + rate * (error * (x0[k] + shift[k]) - lambda * y0[k])
            #expect(abs(x[k] - expectedX) < 1e-6)
            #expect(abs(y[k] - expectedY) < 1e-6)
        }
    }
}

@Suite struct PaddedSGDStepKernelTests {
    /// Padded lengths, with the last 4 values of each row zero padding, against the textbook update in Double.
    @Test(arguments: [0, 8, 16, 24, 104, 136])
    func paddedSGDStepMatchesTextbookUpdate(count: Int) {
        var generator = SplitMix64(seed: UInt64(count))
        let used = max(0, count - 4)
        let x0 = (0..<count).map { $0 < used ? Float.random(in: -1...1, using: &generator) : 0 }
        let y0 = (0..<count).map { $0 < used ? Float.random(in: -1...1, using: &generator) : 0 }
        let (residual, rate, lambda): (Float, Float, Float) = (0.9, 0.05, 0.1)
        var x = x0, y = y0
        let error = x.withUnsafeMutableBufferPointer { xp in
            y.withUnsafeMutableBufferPointer { yp in
                VectorKernels.paddedSGDStep(xp.baseAddress!, yp.baseAddress!, residual: residual, learningRate: rate,
                                            regularization: lambda, count: count)
            }
        }
        let expectedError = Double(residual) - zip(x0, y0).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
        #expect(abs(Double(error) - expectedError) < 1e-4)
        for k in 0..<count {
            let expectedX = Double(x0[k]) + Double(rate) * (Double(error) * Double(y0[k]) - Double(lambda) * Double(x0[k]))
            let expectedY = Double(y0[k]) + Double(rate) * (Double(error) * Double(x0[k]) - Double(lambda) * Double(y0[k]))
            #expect(abs(Double(x[k]) - expectedX) < 1e-6)
            #expect(abs(Double(y[k]) - expectedY) < 1e-6)
            if k >= used { #expect(x[k] == 0 && y[k] == 0, "padding stays zero") }
        }
    }
}
