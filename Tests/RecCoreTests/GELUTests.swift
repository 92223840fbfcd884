import Foundation
import RecCore
import Testing

/// The vectorised GELU against the exact x/2·(1 + erf(x/√2)) with Foundation's double-precision `erf`.
@Suite struct GELUTests {
    @Test func staysWithinOneMillionthOfTheExactGELU() {
        // 20,001 points on [−10, 10] plus a tail of 3 (not a multiple of 8) to cover the scalar path.
        let inputs = (0...20_000).map { Float(-10 + Double($0) * 0.001) } + [-0.5, 0.25, 30]
        var values = inputs
        values.withUnsafeMutableBufferPointer { GELU.apply($0.baseAddress!, count: $0.count) }
        var worst = 0.0
        for (x, y) in zip(inputs, values) {
            let exact = 0.5 * Double(x) * (1 + erf(Double(x) / 2.0.squareRoot()))
            worst = max(worst, abs(Double(y) - exact))
        }
        #expect(worst < 1e-6, "largest error \(worst)")
        #expect(values.last == 30)
    }
}
