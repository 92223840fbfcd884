import Testing
import RecCore
@testable import RecAlgorithms

@Suite struct SVDPlusPlusTests {
    /// The per-user closed form must make the same updates as Surprise's per-rating loop, which recomputes the
    /// implicit sum for every rating and steps every y_j after every rating. The reference below is that loop,
    /// fed the same initial factors and the same visiting order.
    @Test func perUserUpdatesEqualSurprisesPerRatingLoop() {
        let matrix = RatingPredictorConformanceTests.matrix()
        let k = 3
        let configuration = SVDPlusPlusConfiguration(factors: k, learningRate: 0.05, biasRegularization: 0.03,
                                                     factorRegularization: 0.1)
        var initial = SplitMix64(seed: 5)
        let draw = { (count: Int) in (0..<count).map { _ in initial.nextGaussian(standardDeviation: 0.3) } }
        let p0 = draw(matrix.users.count * k), q0 = draw(matrix.items.count * k), y0 = draw(matrix.items.count * k)
        var trainer = SVDPlusPlusTrainer(matrix: matrix, factors: k, userFactors: p0, itemFactors: q0, implicitFactors: y0)
        let userOrder = [3, 0, 4, 2, 1]
        var generator = SplitMix64(seed: 9), referenceGenerator = generator
        for _ in 0..<2 { _ = trainer.runEpoch(userOrder: userOrder, configuration: configuration, generator: &generator) }

        var (p, q, y) = (p0, q0, y0)
        var bu = [Float](repeating: 0, count: matrix.users.count), bi = [Float](repeating: 0, count: matrix.items.count)
        let (rate, lambda, biasLambda) = (configuration.learningRate, configuration.factorRegularization,
                                          configuration.biasRegularization)
        for _ in 0..<2 {
            for u in userOrder {
                let rated = Array(matrix.row(u).items.map(Int.init))
                let root = Float(rated.count).squareRoot()
                var positions = Array(matrix.userOffsets[u]..<matrix.userOffsets[u + 1])
                positions.shuffle(using: &referenceGenerator)
                for e in positions {
                    let i = Int(matrix.userItems[e])
                    let implicit = (0..<k).map { f in rated.reduce(Float(0)) { $0 + y[$1 * k + f] } / root }
                    let dot = (0..<k).reduce(Float(0)) { $0 + q[i * k + $1] * (p[u * k + $1] + implicit[$1]) }
                    let error = matrix.userValues[e] - (matrix.globalMean + bu[u] + bi[i] + dot)
                    bu[u] += rate * (error - biasLambda * bu[u])
                    bi[i] += rate * (error - biasLambda * bi[i])
                    for f in 0..<k {
                        let (puf, qif) = (p[u * k + f], q[i * k + f])
                        p[u * k + f] += rate * (error * qif - lambda * puf)
                        q[i * k + f] += rate * (error * (puf + implicit[f]) - lambda * qif)
                        for j in rated { y[j * k + f] += rate * (error * qif / root - lambda * y[j * k + f]) }
                    }
                }
            }
        }
        let close = { (a: [Float], b: [Float]) in zip(a, b).allSatisfy { abs($0 - $1) < 1e-5 } }
        #expect(close(trainer.userBiases, bu) && close(trainer.itemBiases, bi))
        #expect(close(trainer.userFactors, p) && close(trainer.itemFactors, q))
        #expect(close(trainer.implicitFactors, y))
    }

    /// After training, each stored user vector is p_u + |N(u)|^-½ Σ y_j, so prediction needs no sum.
    @Test func foldedUserVectorsIncludeTheImplicitSum() {
        let matrix = RatingPredictorConformanceTests.matrix()
        let k = 2
        let trainer = SVDPlusPlusTrainer(matrix: matrix, factors: k, userFactors: [Float](repeating: 1, count: matrix.users.count * k),
                                         itemFactors: [Float](repeating: 0, count: matrix.items.count * k),
                                         implicitFactors: (0..<matrix.items.count * k).map(Float.init))
        let folded = trainer.foldedParameters()
        let d = 3  // user "d" rated x, z, w: items 0, 2, 3, so y rows (0, 1), (4, 5), (6, 7)
        #expect(abs(folded.userFactors[d * k] - (1 + 10 / Float(3).squareRoot())) < 1e-5)
        #expect(abs(folded.userFactors[d * k + 1] - (1 + 13 / Float(3).squareRoot())) < 1e-5)
    }

    @Test func defaultsAreSurpriseSVDpps() {
        #expect(SVDPlusPlusConfiguration() == SVDPlusPlusConfiguration(
            factors: 20, epochs: 20, learningRate: 0.007, biasRegularization: 0.02, factorRegularization: 0.02,
            initialStandardDeviation: 0.1, seed: 0))
    }
}
