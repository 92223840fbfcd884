import Testing
import RecCore

@Suite struct CholeskyTests {
    /// A random symmetric positive-definite matrix BᵀB + I, full, in Double and Float.
    static func spd(_ n: Int, seed: UInt64) -> [Double] {
        var generator = SplitMix64(seed: seed)
        let b = (0..<n * n).map { _ in Double.random(in: -1...1, using: &generator) }
        var a = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0..<n {
                var sum = i == j ? 1.0 : 0.0
                for k in 0..<n { sum += b[k * n + i] * b[k * n + j] }
                a[i * n + j] = sum
            }
        }
        return a
    }

    @Test(arguments: [1, 2, 7, 8, 9, 16, 33])
    func factorTimesTransposeIsTheMatrix(n: Int) throws {
        let a = Self.spd(n, seed: UInt64(n))
        var l = a.map(Float.init)
        let ok = l.withUnsafeMutableBufferPointer { Cholesky.factor($0.baseAddress!, dimension: n) }
        try #require(ok)
        for i in 0..<n {
            for j in 0...i {
                var sum = 0.0
                for k in 0...j { sum += Double(l[i * n + k]) * Double(l[j * n + k]) }
                #expect(abs(sum - a[i * n + j]) < 1e-3 * max(1, abs(a[i * n + j])), "(\(i), \(j))")
            }
        }
    }

    /// Solving A·x = b for b = A·x₀ recovers x₀; the upper triangle is never read, so it may hold garbage.
    @Test(arguments: [1, 3, 8, 20, 64])
    func solveRecoversTheVector(n: Int) throws {
        let a = Self.spd(n, seed: UInt64(n + 1000))
        let x0 = (0..<n).map { Double($0 % 5) - 2 }
        var b = (0..<n).map { i in Float((0..<n).reduce(0.0) { $0 + a[i * n + $1] * x0[$1] }) }
        var l = a.map(Float.init)
        for i in 0..<n { for j in (i + 1)..<n { l[i * n + j] = .nan } }
        let ok = l.withUnsafeMutableBufferPointer { Cholesky.factor($0.baseAddress!, dimension: n) }
        try #require(ok)
        l.withUnsafeBufferPointer { f in b.withUnsafeMutableBufferPointer { Cholesky.solve(f.baseAddress!, $0.baseAddress!, dimension: n) } }
        for i in 0..<n { #expect(abs(Double(b[i]) - x0[i]) < 1e-3, "x[\(i)]") }
    }

    @Test func indefiniteMatrixIsReported() {
        var a: [Float] = [1, 2, 2, 1]
        #expect(!a.withUnsafeMutableBufferPointer { Cholesky.factor($0.baseAddress!, dimension: 2) })
    }
}
