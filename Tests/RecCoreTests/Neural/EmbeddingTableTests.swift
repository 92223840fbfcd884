import Testing
import RecCore

@Suite struct EmbeddingTableTests {
    /// An embedding bag y = Σ_j w_j E[r_j] with a repeated row, L = c·y: the table's gradient against central
    /// differences (rows never looked up get exactly zero).
    @Test func bagGradientMatchesFiniteDifferences() {
        var allocator = ParameterAllocator()
        var generator = SplitMix64(seed: 8)
        let table = EmbeddingTable(rows: 5, dimension: 9, standardDeviation: 0.5, allocator: &allocator, generator: &generator)
        let parameters = allocator.values
        let lookups: [(row: Int, weight: Float)] = [(1, 0.5), (3, -2), (1, 1.5)]
        let c = randomValues(9, &generator)
        func forward(_ parameters: [Float]) -> [Float] {
            var output = [Float](repeating: 0, count: 9)
            parameters.withUnsafeBufferPointer { p in
                output.withUnsafeMutableBufferPointer { y in
                    for lookup in lookups { table.addRow(lookup.row, weight: lookup.weight, of: p.baseAddress!, to: y.baseAddress!) }
                }
            }
            return output
        }
        var gradients = [Float](repeating: 0, count: parameters.count)
        c.withUnsafeBufferPointer { dy in
            gradients.withUnsafeMutableBufferPointer { dp in
                for lookup in lookups {
                    table.backward(lookup.row, weight: lookup.weight, outputGradient: dy.baseAddress!,
                                   parameterGradients: dp.baseAddress!)
                }
            }
        }
        let check = GradientCheck()
        #expect(check.worstError(analytic: gradients, numeric: check.numeric(parameters) { weightedSum(forward($0), c) })
                < check.tolerance)
        #expect(gradients[table.start(of: 0)..<table.start(of: 1)].allSatisfy { $0 == 0 })
        #expect(gradients[table.start(of: 1)] == 2 * c[0])
    }

    @Test func initialValuesAreKeptRowByRow() {
        var allocator = ParameterAllocator()
        var generator = SplitMix64(seed: 1)
        _ = DenseLayer(inputs: 1, outputs: 1, allocator: &allocator, generator: &generator)
        let table = EmbeddingTable(initial: [1, 2, 3, 4, 5, 6], dimension: 2, allocator: &allocator)
        #expect(table.rows == 3)
        #expect(table.offset == 2)
        #expect(allocator.values[table.start(of: 2)..<table.start(of: 2) + 2] == [5, 6])
    }
}
