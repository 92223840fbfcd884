import Testing
import RecCore

@Suite struct MatrixVectorTests {
    @Test(arguments: [(0, 3), (1, 1), (3, 8), (5, 17), (10, 64)])
    func multiplyMatchesNaiveLoop(rows: Int, columns: Int) {
        var generator = SplitMix64(seed: UInt64(rows * 31 + columns))
        let m = (0..<rows * columns).map { _ in Float.random(in: -1...1, using: &generator) }
        let x = (0..<columns).map { _ in Float.random(in: -1...1, using: &generator) }
        var y = [Float](repeating: .nan, count: rows)
        m.withUnsafeBufferPointer { mp in
            x.withUnsafeBufferPointer { xp in
                y.withUnsafeMutableBufferPointer {
                    MatrixVector.multiply(mp.baseAddress!, rows: rows, columns: columns, xp.baseAddress!, into: $0.baseAddress!)
                }
            }
        }
        for r in 0..<rows {
            let expected = (0..<columns).reduce(0.0) { $0 + Double(m[r * columns + $1]) * Double(x[$1]) }
            #expect(abs(Double(y[r]) - expected) < 1e-5)
        }
    }

    /// Column counts around the 32- and 8-wide blocks, against a Double loop over Mᵀ·x.
    @Test(arguments: [(0, 3), (1, 1), (3, 8), (5, 17), (7, 40), (64, 64), (4, 100)])
    func multiplyTransposedMatchesNaiveLoop(rows: Int, columns: Int) {
        var generator = SplitMix64(seed: UInt64(rows * 37 + columns))
        let m = (0..<rows * columns).map { _ in Float.random(in: -1...1, using: &generator) }
        let x = (0..<rows).map { _ in Float.random(in: -1...1, using: &generator) }
        var y = [Float](repeating: .nan, count: columns)
        m.withUnsafeBufferPointer { mp in
            x.withUnsafeBufferPointer { xp in
                y.withUnsafeMutableBufferPointer {
                    MatrixVector.multiplyTransposed(mp.baseAddress!, rows: rows, columns: columns, xp.baseAddress!,
                                                    into: $0.baseAddress!)
                }
            }
        }
        for c in 0..<columns {
            let expected = (0..<rows).reduce(0.0) { $0 + Double(m[$1 * columns + c]) * Double(x[$1]) }
            #expect(abs(Double(y[c]) - expected) < 1e-5)
        }
    }
}

