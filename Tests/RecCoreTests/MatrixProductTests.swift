import Testing
import RecCore

@Suite struct MatrixProductTests {
    /// C −= A·B on sub-blocks of larger matrices, with row and column counts that exercise the 4 × 16 block,
    /// the single-row block and the scalar tail, and a depth past one 256-term tile; entries outside the
    /// block stay as they were.
    @Test(arguments: [(4, 16, 3), (7, 37, 300), (1, 5, 1), (9, 130, 17)])
    func subtractsTheProductFromTheBlock(rows: Int, columns: Int, depth: Int) {
        var generator = SplitMix64(seed: UInt64(rows * 1000 + columns))
        let strideA = depth + 3, strideB = columns + 5, strideC = columns + 2
        let a = (0..<rows * strideA).map { _ in Float.random(in: -1...1, using: &generator) }
        let b = (0..<depth * strideB).map { _ in Float.random(in: -1...1, using: &generator) }
        let c0 = (0..<(rows + 1) * strideC).map { _ in Float.random(in: -1...1, using: &generator) }
        var c = c0
        a.withUnsafeBufferPointer { a in
        b.withUnsafeBufferPointer { b in
        c.withUnsafeMutableBufferPointer { c in
            MatrixProduct.subtract(a.baseAddress!, rowStride: strideA, times: b.baseAddress!, rowStride: strideB,
                                   from: c.baseAddress!, rowStride: strideC, rows: rows, columns: columns, depth: depth)
        }}}
        for i in 0...rows {
            for j in 0..<strideC {
                var expected = Double(c0[i * strideC + j])
                if i < rows && j < columns {
                    for k in 0..<depth { expected -= Double(a[i * strideA + k]) * Double(b[k * strideB + j]) }
                }
                #expect(abs(Double(c[i * strideC + j]) - expected) < 1e-4, "(\(i), \(j))")
            }
        }
    }
}
