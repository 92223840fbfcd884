import Foundation
import Synchronization
import Testing
import RecCore
import RecTestSupport
@testable import RecAlgorithms

@Suite struct ImplicitALSTests {
    /// A seeded random implicit matrix: about a third of `users × items` observed, values in 1...5.
    static func randomMatrix(users: Int, items: Int, seed: UInt64) -> InteractionMatrix {
        var generator = SplitMix64(seed: seed)
        var interactions: [Interaction] = []
        for user in 0..<users {
            for item in 0..<items where Int.random(in: 0..<3, using: &generator) == 0 || item == user % items {
                interactions.append(Interaction(user: UserID("u\(user)"), item: ItemID("i\(item)"), kind: .watched,
                                                value: Float(Int.random(in: 1...5, using: &generator))))
            }
        }
        return InteractionMatrix(interactions, scale: .oneToFive)
    }

    static let small = randomMatrix(users: 12, items: 15, seed: 5)

    static func userRows(_ matrix: InteractionMatrix, _ weighting: ImplicitALSConfiguration.ConfidenceWeighting) -> ConfidenceRows {
        ConfidenceRows(offsets: matrix.userOffsets, columns: matrix.userItems, values: matrix.userValues, weighting: weighting)
    }

    // MARK: Reference values

    struct Fixture: Decodable {
        struct Inputs: Decodable {
            var values: [[Float]]
            var item_factors: [[Float]]
            var user_factors: [[Float]]
            var regularization: Float
            var alpha: Float
            var cg_steps: Int
        }
        struct Expected: Decodable {
            var exact_user_factors: [[Float]]
            var implicit_cholesky_user_factors: [[Float]]
            var implicit_cg_user_factors: [[Float]]
        }
        var inputs: Inputs
        var expected: Expected
    }

    /// One user half-step on the 4 × 5 problem of `scripts/reference/als_small.py` (negative value = dislike),
    /// against numpy's dense float64 solve and implicit 0.7.3's own Cholesky and 2-step CG, within 1e-4.
    @Test(arguments: [ImplicitALSConfiguration.Solver.cholesky, .conjugateGradient(steps: 2)])
    func halfStepMatchesTheImplicitReference(solver: ImplicitALSConfiguration.Solver) async throws {
        let data = try Data(contentsOf: TestData.fixture("reference/als-small.json"))
        let fixture = try JSONDecoder().decode(Fixture.self, from: data)
        let inputs = fixture.inputs
        try #require(inputs.cg_steps == 2)
        var offsets = [0], columns: [Int32] = [], values: [Float] = []
        for row in inputs.values {
            for (item, value) in row.enumerated() where value != 0 {
                columns.append(Int32(item))
                values.append(value)
            }
            offsets.append(columns.count)
        }
        let configuration = ImplicitALSConfiguration(factors: 3, regularization: inputs.regularization,
                                                     confidence: .scaled(alpha: inputs.alpha), solver: solver)
        let rows = ConfidenceRows(offsets: offsets, columns: columns, values: values, weighting: configuration.confidence)
        let solved = try await ImplicitALS.solveRows(rows, table: inputs.item_factors.flatMap { $0 },
                                                     current: inputs.user_factors.flatMap { $0 },
                                                     configuration: configuration, side: "user")
        let expected = solver == .cholesky
            ? [fixture.expected.exact_user_factors, fixture.expected.implicit_cholesky_user_factors]
            : [fixture.expected.implicit_cg_user_factors]
        for reference in expected {
            for (index, value) in reference.flatMap({ $0 }).enumerated() {
                #expect(abs(solved[index] - value) < 1e-4, "user \(index / 3), factor \(index % 3)")
            }
        }
    }

    /// A Cholesky half-step equals the normal equations (YᵀC_uY + λI)x = YᵀC_u p_u built densely over all items
    /// and solved by Gaussian elimination with partial pivoting in Double.
    @Test func choleskyHalfStepEqualsDenseGaussianElimination() async throws {
        let matrix = Self.small, k = 5, lambda: Float = 0.05
        let weighting = ImplicitALSConfiguration.ConfidenceWeighting.linear(alpha: 3)
        var generator = SplitMix64(seed: 1)
        let y = (0..<matrix.items.count * k).map { _ in Float.random(in: -1...1, using: &generator) }
        let configuration = ImplicitALSConfiguration(factors: k, regularization: lambda, confidence: weighting, solver: .cholesky)
        let x = try await ImplicitALS.solveRows(Self.userRows(matrix, weighting), table: y,
                                                current: [Float](repeating: 0, count: matrix.users.count * k),
                                                configuration: configuration, side: "user")
        for u in 0..<matrix.users.count {
            var c = [Double](repeating: 1, count: matrix.items.count), p = [Double](repeating: 0, count: matrix.items.count)
            let row = matrix.row(u)
            for (item, value) in zip(row.items, row.values) {
                c[Int(item)] = 1 + 3 * Double(value)
                p[Int(item)] = 1
            }
            var a = [[Double]](repeating: [Double](repeating: 0, count: k + 1), count: k)
            for r in 0..<k {
                for s in 0..<k {
                    a[r][s] = (0..<matrix.items.count).reduce(r == s ? Double(lambda) : 0) {
                        $0 + c[$1] * Double(y[$1 * k + r]) * Double(y[$1 * k + s])
                    }
                }
                a[r][k] = (0..<matrix.items.count).reduce(0) { $0 + c[$1] * p[$1] * Double(y[$1 * k + r]) }
            }
            let expected = Self.gaussianElimination(a)
            for r in 0..<k { #expect(abs(Double(x[u * k + r]) - expected[r]) < 1e-4, "user \(u), factor \(r)") }
        }
    }

    /// Solves the augmented system `a` (n rows of n + 1 columns).
    static func gaussianElimination(_ augmented: [[Double]]) -> [Double] {
        var a = augmented
        let n = a.count
        for column in 0..<n {
            let pivot = (column..<n).max { abs(a[$0][column]) < abs(a[$1][column]) }!
            a.swapAt(column, pivot)
            for row in (column + 1)..<n {
                let factor = a[row][column] / a[column][column]
                for j in column...n { a[row][j] -= factor * a[column][j] }
            }
        }
        var x = [Double](repeating: 0, count: n)
        for row in stride(from: n - 1, through: 0, by: -1) {
            x[row] = (a[row][n] - ((row + 1)..<n).reduce(0) { $0 + a[row][$1] * x[$1] }) / a[row][row]
        }
        return x
    }

    // MARK: Solvers agree

    /// With as many CG steps as factors, conjugate gradient reaches the exact solution of each row's system.
    @Test func conjugateGradientWithKStepsEqualsCholesky() async throws {
        let matrix = Self.small, k = 6
        var generator = SplitMix64(seed: 2)
        let y = (0..<matrix.items.count * k).map { _ in Float.random(in: -1...1, using: &generator) }
        let start = (0..<matrix.users.count * k).map { _ in Float.random(in: -1...1, using: &generator) }
        func solve(_ solver: ImplicitALSConfiguration.Solver) async throws -> [Float] {
            let configuration = ImplicitALSConfiguration(factors: k, regularization: 0.1, confidence: .linear(alpha: 2),
                                                         solver: solver)
            return try await ImplicitALS.solveRows(Self.userRows(matrix, configuration.confidence), table: y, current: start,
                                                   configuration: configuration, side: "user")
        }
        let cg = try await solve(.conjugateGradient(steps: k)), exact = try await solve(.cholesky)
        for (a, b) in zip(cg, exact) { #expect(abs(a - b) < 1e-3) }
    }

    /// Full fits with warm-started 3-step CG and with Cholesky end at nearly the same model. The scores x_u·y_i are
    /// compared, not the vectors: the objective is unchanged by rotating every x_u and y_i by one orthogonal
    /// matrix, and the two solvers' paths drift apart along that freedom (their vectors differ by up to ~0.5 here).
    @Test func conjugateGradientAndCholeskyFitsAgree() async throws {
        func fit(_ solver: ImplicitALSConfiguration.Solver) async throws -> ImplicitALS {
            try await ImplicitALS.fit(Self.small, configuration: .init(factors: 4, regularization: 0.1, confidence: .linear(alpha: 2),
                                                                       iterations: 30, solver: solver))
        }
        let cg = try await fit(.conjugateGradient(steps: 3)), exact = try await fit(.cholesky)
        var worst: Float = 0, largest: Float = 0
        for u in 0..<Self.small.users.count {
            for i in 0..<Self.small.items.count {
                func score(_ model: ImplicitALS) -> Float {
                    (0..<4).reduce(0) { $0 + model.userFactors[u * 4 + $1] * model.itemFactors[i * 4 + $1] }
                }
                worst = max(worst, abs(score(cg) - score(exact)))
                largest = max(largest, abs(score(exact)))
            }
        }
        #expect(largest > 0.5, "the scores are not trivially small")
        #expect(worst < 0.02, "largest score difference \(worst)")
    }

    // MARK: Determinism

    @Test func threadCountDoesNotChangeTheModel() async throws {
        for solver in [ImplicitALSConfiguration.Solver.conjugateGradient(steps: 3), .cholesky] {
            var models: [ImplicitALS] = []
            for threads in [1, 2, 5] {
                models.append(try await ImplicitALS.fit(Self.small, configuration: .init(factors: 8, iterations: 3, solver: solver,
                                                                                         seed: 4, threads: threads)))
            }
            for model in models.dropFirst() {
                #expect(model.userFactors == models[0].userFactors, "\(solver)")
                #expect(model.itemFactors == models[0].itemFactors, "\(solver)")
            }
        }
    }

    @Test func sameSeedSameFactorsOtherSeedOtherFactors() async throws {
        let a = try await ImplicitALS.fit(Self.small, configuration: .init(factors: 8, iterations: 2, seed: 9))
        let b = try await ImplicitALS.fit(Self.small, configuration: .init(factors: 8, iterations: 2, seed: 9))
        let c = try await ImplicitALS.fit(Self.small, configuration: .init(factors: 8, iterations: 2, seed: 10))
        #expect(a.userFactors == b.userFactors && a.itemFactors == b.itemFactors)
        #expect(a.userFactors != c.userFactors)
    }

    // MARK: Fold-in, similar items, storage

    /// Folding in a training user's own history reproduces their trained vector (both solve the same system,
    /// exactly, against the final item factors, up to the last item half-step) and so their top items.
    @Test func foldInOfATrainingUsersHistoryReproducesTheirTopItems() async throws {
        let matrix = Self.randomMatrix(users: 30, items: 40, seed: 8)
        let model = try await ImplicitALS.fit(matrix, configuration: .init(factors: 8, regularization: 0.1,
                                                                           confidence: .linear(alpha: 5), iterations: 10))
        for u in [0, 7, 19] {
            let row = matrix.row(u)
            let history = Dictionary(uniqueKeysWithValues: zip(row.items.map { matrix.items[Int($0)] }, row.values))
            let folded = model.recommend(forHistory: history, count: 5, excluding: [])
            let trained = model.recommend(for: matrix.users[u], count: 5)
            #expect(!folded.isFallback)
            #expect(folded.items.first?.item == trained.items.first?.item, "user \(u)")
            #expect(Set(folded.items.map(\.item)).intersection(trained.items.map(\.item)).count >= 4, "user \(u)")
            #expect(Set(folded.items.map(\.item)).isDisjoint(with: history.keys))
        }
    }

    @Test func foldInOfAnUnknownHistoryIsThePopularityFallback() async throws {
        let model = try await ImplicitALS.fit(Self.small, configuration: .init(factors: 4, iterations: 2))
        let list = model.recommend(forHistory: ["nowhere": 1], count: 3, excluding: ["i0"])
        #expect(list.isFallback && list.items.count == 3)
        #expect(!list.items.contains { $0.item == "i0" })
    }

    /// On the checkerboard, items of the same colour have the most similar vectors.
    @Test func similarItemsShareTheColour() async throws {
        let model = try await ImplicitALS.fit(Checkerboard.matrix)
        for item in [0, 5] {
            let similar = model.similarItems(to: ItemID("i\(item)"), count: 5)
            #expect(similar.count == 5)
            #expect(!similar.contains { $0.item == ItemID("i\(item)") })
            #expect(similar.allSatisfy { Int($0.item.rawValue.dropFirst())! % 2 == item % 2 }, "item \(item)")
        }
        #expect(model.similarItems(to: "unknown", count: 3).isEmpty)
    }

    @Test func codableRoundTripKeepsTheModel() async throws {
        let model = try await ImplicitALS.fit(Self.small, configuration: .init(factors: 4, iterations: 2, solver: .cholesky))
        let decoded = try JSONDecoder().decode(ImplicitALS.self, from: try JSONEncoder().encode(model))
        #expect(decoded.configuration == model.configuration)
        #expect(decoded.userFactors == model.userFactors && decoded.itemFactors == model.itemFactors)
        #expect(decoded.recommend(for: "u3", count: 5) == model.recommend(for: "u3", count: 5))
    }

    // MARK: Options, progress, bad input

    @Test func defaultsAreImplicits() {
        let configuration = ImplicitALSConfiguration()
        #expect(configuration.factors == 100 && configuration.regularization == 0.01 && configuration.iterations == 15)
        #expect(configuration.confidence == .scaled(alpha: 1) && configuration.solver == .conjugateGradient(steps: 3))
    }

    @Test func progressIsReportedOncePerIteration() async throws {
        let iterations = Mutex<[Int]>([])
        _ = try await ImplicitALS.fit(Self.small, configuration: .init(factors: 4, iterations: 3)) { progress in
            #expect(progress.phase == "train implicit-als" && progress.total == 3)
            iterations.withLock { $0.append(progress.completed) }
        }
        #expect(iterations.withLock { $0 } == [1, 2, 3])
    }

    @Test(arguments: [
        (ImplicitALSConfiguration(factors: 0), "factors"),
        (ImplicitALSConfiguration(regularization: -0.1), "regularization"),
        (ImplicitALSConfiguration(regularization: .nan), "regularization"),
        (ImplicitALSConfiguration(confidence: .scaled(alpha: -1)), "confidence.scaled.alpha"),
        (ImplicitALSConfiguration(confidence: .linear(alpha: -40)), "confidence.linear.alpha"),
        (ImplicitALSConfiguration(iterations: -1), "iterations"),
        (ImplicitALSConfiguration(solver: .conjugateGradient(steps: 0)), "solver.conjugateGradient.steps"),
        (ImplicitALSConfiguration(threads: 0), "threads"),
    ])
    func outOfRangeOptionsAreRejectedNamingTheField(configuration: ImplicitALSConfiguration, field: String) async {
        let error = await #expect(throws: AlgorithmError.self) { try await ImplicitALS.fit(Self.small, configuration: configuration) }
        #expect(error?.code == .invalidConfiguration)
        #expect(error?.message.contains("'\(field)'") == true, "\(error?.message ?? "")")
    }

    @Test(arguments: [Float.nan, .infinity, -.infinity])
    func nonFiniteValuesAreRejectedNamingTheEntry(value: Float) async {
        let interactions = [Interaction(user: "a", item: "x", kind: .watched, value: 1),
                            Interaction(user: "b", item: "y", kind: .watched, value: value)]
        let error = await #expect(throws: AlgorithmError.self) {
            try await ImplicitALS.fit(InteractionMatrix(interactions, scale: .oneToFive))
        }
        #expect(error?.code == .invalidConfiguration)
        #expect(error?.message.contains("user 'b', item 'y'") == true, "\(error?.message ?? "")")
    }

    @Test func cancellationStopsTrainingWithACancelledError() async {
        let task = Task { try await ImplicitALS.fit(Self.small, configuration: .init(factors: 4, iterations: 1000)) }
        task.cancel()
        let error = await #expect(throws: AlgorithmError.self) { try await task.value }
        #expect(error?.code == .cancelled)
    }
}
