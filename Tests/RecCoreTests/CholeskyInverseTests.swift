import Testing
import RecCore

@Suite struct CholeskyInverseTests {
    /// A·A⁻¹ = I for sizes around the 64-row panel and the 16-column strip, including the 1 × 1 case.
    @Test(arguments: [1, 5, 63, 64, 65, 150])
    func inverseTimesMatrixIsTheIdentity(n: Int) async throws {
        let a = CholeskyTests.spd(n, seed: UInt64(n + 7))
        var inverse = a.map(Float.init)
        let failed = try await Cholesky.invert(&inverse, dimension: n, tasks: 2)
        #expect(failed == nil)
        try #require(inverse.count == n * n)
        var worst = 0.0
        for i in 0..<n {
            for j in 0..<n {
                let product = (0..<n).reduce(0.0) { $0 + a[i * n + $1] * Double(inverse[$1 * n + j]) }
                worst = max(worst, abs(product - (i == j ? 1 : 0)))
                #expect(inverse[i * n + j] == inverse[j * n + i])
            }
        }
        #expect(worst < 1e-3)
    }

    /// Tasks own disjoint rows or columns in each step, so the task count cannot change a single bit; this is
    /// the invariant `SharedRows` states for its `@unchecked Sendable`.
    @Test func theResultIsTheSameForEveryTaskCount() async throws {
        let n = 200
        let a = CholeskyTests.spd(n, seed: 11).map(Float.init)
        var results: [[Float]] = []
        for tasks in [1, 2, 3] {
            var inverse = a
            #expect(try await Cholesky.invert(&inverse, dimension: n, tasks: tasks) == nil)
            results.append(inverse)
        }
        #expect(results[0] == results[1])
        #expect(results[0] == results[2])
    }

    /// Only the lower triangle is read: garbage above the diagonal changes nothing.
    @Test func theUpperTriangleIsIgnored() async throws {
        let n = 70
        let a = CholeskyTests.spd(n, seed: 3).map(Float.init)
        var clean = a, dirty = a
        for i in 0..<n { for j in (i + 1)..<n { dirty[i * n + j] = .nan } }
        _ = try await Cholesky.invert(&clean, dimension: n, tasks: 2)
        _ = try await Cholesky.invert(&dirty, dimension: n, tasks: 2)
        #expect(clean == dirty)
    }

    /// A matrix that stops being positive definite in the second panel names that row.
    @Test func anIndefiniteMatrixNamesTheFailingRow() async throws {
        let n = 100
        var a = [Float](repeating: 0, count: n * n)
        for i in 0..<n { a[i * n + i] = i == 80 ? -1 : 2 }
        #expect(try await Cholesky.invert(&a, dimension: n, tasks: 2) == 80)
    }
}
