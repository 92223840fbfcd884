import Foundation
import RecCore
import Testing

/// `SIMD8.exponential()` against Foundation's double-precision `exp`.
@Suite struct ExponentialTests {
    @Test func staysWithinTwoTenMillionthsRelativeOfExp() {
        var worst = 0.0
        var x: Float = -87
        while x + 0.007 <= 88 {
            let lanes = SIMD8<Float>((0..<8).map { x + Float($0) * 0.001 })
            let result = lanes.exponential()
            for lane in 0..<8 {
                let exact = exp(Double(lanes[lane]))
                worst = max(worst, abs(Double(result[lane]) - exact) / exact)
            }
            x += 0.0173
        }
        #expect(worst < 2e-7, "largest relative error \(worst)")
    }

    @Test func clampsOutsideTheFloatRange() {
        let result = SIMD8<Float>(-1000, -87, 0, 1, 88, 1000, -.infinity, 2).exponential()
        #expect(result[0] == result[1] && result[1] > 0 && result[1] < 1e-37)
        #expect(result[2] == 1)
        #expect(abs(result[3] - Float(M_E)) < 1e-6)
        #expect(result[4] == result[5] && result[5].isFinite)
        #expect(result[6] == result[0])
    }
}

/// `Softmax.apply` against the softmax computed in Double with Foundation's `exp`.
@Suite struct SoftmaxTests {
    @Test(arguments: [1, 7, 8, 13, 40])
    func matchesTheDoublePrecisionSoftmax(count: Int) {
        let inputs = (0..<count).map { Float(sin(Double($0) * 1.7) * 12) }
        var values = inputs
        values.withUnsafeMutableBufferPointer { Softmax.apply($0.baseAddress!, count: count) }
        let largest = inputs.map(Double.init).max()!
        let exps = inputs.map { exp(Double($0) - largest) }
        let total = exps.reduce(0, +)
        for (value, e) in zip(values, exps) { #expect(abs(Double(value) - e / total) < 1e-6) }
        #expect(abs(values.reduce(0, +) - 1) < 1e-5)
    }
}
