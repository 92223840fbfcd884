import Testing
import RecCore

@Suite struct GramMatrixTests {
    static func random(_ count: Int, seed: UInt64) -> [Float] {
        var generator = SplitMix64(seed: seed)
        return (0..<count).map { _ in Float.random(in: -1...1, using: &generator) }
    }

    /// Row counts around the 4-row grouping and widths around the 8-wide blocks, against a Double triple loop.
    @Test(arguments: [0, 1, 3, 4, 5, 9], [1, 7, 8, 9, 17])
    func computeMatchesNaiveTripleLoop(rowCount: Int, dimension: Int) {
        let rows = Self.random(rowCount * dimension, seed: UInt64(rowCount * 100 + dimension))
        var gram = [Float](repeating: .nan, count: dimension * dimension)
        rows.withUnsafeBufferPointer { y in
            gram.withUnsafeMutableBufferPointer { GramMatrix.compute(y.baseAddress!, rowCount: rowCount, dimension: dimension, into: $0.baseAddress!) }
        }
        for a in 0..<dimension {
            for b in 0..<dimension {
                var expected = 0.0
                for r in 0..<rowCount { expected += Double(rows[r * dimension + a]) * Double(rows[r * dimension + b]) }
                #expect(abs(Double(gram[a * dimension + b]) - expected) < 1e-5, "(\(a), \(b))")
            }
        }
    }

    /// The weighted, indexed update adds Σ w·y yᵀ to the lower triangle only, with repeated indices allowed.
    @Test(arguments: [0, 1, 4, 6], [3, 8, 13])
    func addWeightedLowerMatchesNaiveSum(count: Int, dimension: Int) {
        let tableRows = 5
        let table = Self.random(tableRows * dimension, seed: UInt64(count + 7 * dimension))
        let indices: [Int32] = (0..<count).map { Int32(($0 * 3) % tableRows) }
        let weights: [Float] = (0..<count).map { Float($0) - 1.5 }
        let start = Self.random(dimension * dimension, seed: 99)
        var matrix = start
        table.withUnsafeBufferPointer { t in
            indices.withUnsafeBufferPointer { i in
                weights.withUnsafeBufferPointer { w in
                    matrix.withUnsafeMutableBufferPointer {
                        GramMatrix.addWeightedLower($0.baseAddress!, dimension: dimension, table: t.baseAddress!,
                                                    indices: i.baseAddress!, weights: w.baseAddress!, count: count)
                    }
                }
            }
        }
        for a in 0..<dimension {
            for b in 0...a {
                var expected = Double(start[a * dimension + b])
                for e in 0..<count {
                    let row = Int(indices[e]) * dimension
                    expected += Double(weights[e]) * Double(table[row + a]) * Double(table[row + b])
                }
                #expect(abs(Double(matrix[a * dimension + b]) - expected) < 1e-5, "(\(a), \(b))")
            }
        }
    }
}
