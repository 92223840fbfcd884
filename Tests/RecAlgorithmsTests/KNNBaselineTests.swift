import Testing
import RecCore
@testable import RecAlgorithms

@Suite struct KNNBaselineTests {
    static let matrix = RatingPredictorConformanceTests.matrix()

    /// Surprise's `pearson_baseline`, written as its dense double loop over pairs of items.
    static func referenceSimilarity(_ a: Int, _ b: Int, biases: BaselineBiases, shrinkage: Double) -> Double {
        var n = 0.0, products = 0.0, squaresA = 0.0, squaresB = 0.0
        for u in 0..<matrix.users.count {
            let row = matrix.row(u)
            guard let ia = row.items.firstIndex(of: Int32(a)), let ib = row.items.firstIndex(of: Int32(b)) else { continue }
            let ea = Double(row.values[ia] - biases.estimate(user: u, item: a))
            let eb = Double(row.values[ib] - biases.estimate(user: u, item: b))
            n += 1
            products += ea * eb
            squaresA += ea * ea
            squaresB += eb * eb
        }
        guard n >= 2 else { return 0 }
        return products / (squaresA * squaresB).squareRoot() * (n - 1) / (n - 1 + shrinkage)
    }

    @Test(arguments: [0, 1, 100])
    func similaritiesMatchThePearsonBaselineDefinition(shrinkage: Float) throws {
        let model = try KNNBaseline.fit(Self.matrix, configuration: .init(shrinkage: shrinkage))
        for a in 0..<Self.matrix.items.count {
            for b in 0..<Self.matrix.items.count where a != b {
                let expected = Self.referenceSimilarity(a, b, biases: model.biases, shrinkage: Double(shrinkage))
                #expect(abs(Double(model.similarities.value(row: a, column: Int32(b))) - expected) < 1e-5)
            }
        }
        #expect(model.similarities.value(row: 0, column: 0) == 0, "an item is never its own neighbour")
    }

    /// User "d" rated x, z and w; predicting y uses the positively similar ones among them, best first.
    @Test(arguments: [1, 2, 40])
    func predictionIsTheBaselinePlusTheWeightedResidualsOfTheTopNeighbours(neighbors: Int) throws {
        let model = try KNNBaseline.fit(Self.matrix, configuration: .init(neighbors: neighbors, shrinkage: 0))
        let d = try #require(Self.matrix.users.index(of: "d")), y = try #require(Self.matrix.items.index(of: "y"))
        let row = Self.matrix.row(d)
        let ranked = zip(row.items, row.values).map { item, value in
            (similarity: Self.referenceSimilarity(y, Int(item), biases: model.biases, shrinkage: 0),
             residual: Double(value - model.biases.estimate(user: d, item: Int(item))))
        }.filter { $0.similarity > 0 }.sorted { $0.similarity > $1.similarity }.prefix(neighbors)
        try #require(!ranked.isEmpty)
        let expected = Double(model.biases.estimate(user: d, item: y))
            + ranked.reduce(0) { $0 + $1.similarity * $1.residual } / ranked.reduce(0) { $0 + $1.similarity }
        #expect(abs(Double(model.predict(user: "d", item: "y")) - min(max(expected, 1), 5)) < 1e-5)
    }

    @Test func tooFewNeighboursGiveTheBaseline() throws {
        let model = try KNNBaseline.fit(Self.matrix, configuration: .init(minimumNeighbors: 10))
        let d = try #require(Self.matrix.users.index(of: "d")), y = try #require(Self.matrix.items.index(of: "y"))
        #expect(model.predict(user: "d", item: "y") == Self.matrix.scale.clip(model.biases.estimate(user: d, item: y)))
    }

    @Test func defaultsAreSurprises() {
        let configuration = KNNBaselineConfiguration()
        #expect(configuration.neighbors == 40 && configuration.minimumNeighbors == 1 && configuration.shrinkage == 100)
        #expect(configuration.baseline == BaselineConfiguration() && !configuration.userBased)
    }
}
