import Foundation
import Testing
import RecCore
@testable import RecAlgorithms

@Suite struct InterestVectorTests {
    static let day: Int64 = 86_400

    @Test func oneHalfLifeHalvesAnEventsWeight() throws {
        // e1 = (1, 0) at day 0, e2 = (0, 1) at day 10, half-life 10 days: e1 counts ½, e2 counts 1,
        // mean = (½·e1 + e2) / 1.5 = (1/3, 2/3).
        var interest = try InterestVector(dimension: 2, configuration: .init(halfLife: 10 * Double(Self.day)))
        interest.add([1, 0], sentiment: 1, at: 0)
        interest.add([0, 1], sentiment: 1, at: 10 * Self.day)
        let mean = try #require(interest.mean)
        #expect(abs(mean[0] - 1.0 / 3) < 1e-6 && abs(mean[1] - 2.0 / 3) < 1e-6)
        #expect(abs(interest.totalWeight - 1.5) < 1e-6)
        // The same two events given newest first: the older one enters already halved.
        var reversed = try InterestVector(dimension: 2, configuration: .init(halfLife: 10 * Double(Self.day)))
        reversed.add([0, 1], sentiment: 1, at: 10 * Self.day)
        reversed.add([1, 0], sentiment: 1, at: 0)
        #expect(reversed.mean == interest.mean)
    }

    @Test func withoutDecayItIsTheSentimentWeightedMean() throws {
        var interest = try InterestVector(dimension: 2, configuration: .init(halfLife: nil))
        interest.add([1, 0], sentiment: 1, at: 0)
        interest.add([0, 1], sentiment: -0.5, at: 1_000 * Self.day)
        // (1·e1 − ½·e2) / (1 + ½) = (2/3, −1/3): the disliked item pushes the interest away.
        let mean = try #require(interest.mean)
        #expect(abs(mean[0] - 2.0 / 3) < 1e-6 && abs(mean[1] + 1.0 / 3) < 1e-6)
        #expect(try InterestVector(dimension: 3).mean == nil)
    }

    @Test(arguments: [nil, 3 * 86_400, 200 * 86_400] as [Double?])
    func incrementalUpdatesEqualBatchRecomputation(halfLife: Double?) throws {
        let dimension = 16
        var generator = SplitMix64(seed: 11)
        var interest = try InterestVector(dimension: dimension, configuration: .init(halfLife: halfLife))
        var events: [(embedding: [Float], sentiment: Float, time: Int64)] = []
        var clock: Int64 = 1_500_000_000
        for _ in 0..<300 {
            // Mostly forward in time, sometimes an event from the past.
            clock += Int64(generator.next() % UInt64(Self.day))
            let time = generator.next() % 5 == 0 ? clock - Int64(generator.next() % UInt64(20 * Self.day)) : clock
            var embedding = (0..<dimension).map { _ in Float.random(in: -1...1, using: &generator) }
            let norm = embedding.reduce(0) { $0 + $1 * $1 }.squareRoot()
            embedding = embedding.map { $0 / norm }
            let sentiment = Float.random(in: -1...1, using: &generator)
            events.append((embedding, sentiment, time))
            interest.add(embedding, sentiment: sentiment, at: time)
        }
        // Batch: Σ d·s·e / Σ d·|s| with d = 2^(−(T − t)/h), in Double.
        let latest = events.map(\.time).max() ?? 0
        var sum = [Double](repeating: 0, count: dimension), weight = 0.0
        for event in events {
            let decay = halfLife.map { exp2(-Double(latest - event.time) / $0) } ?? 1
            for k in 0..<dimension { sum[k] += decay * Double(event.sentiment) * Double(event.embedding[k]) }
            weight += decay * Double(abs(event.sentiment))
        }
        let mean = try #require(interest.mean)
        for k in 0..<dimension { #expect(abs(Double(mean[k]) - sum[k] / weight) < 1e-5, "component \(k)") }
        #expect(interest.latest == latest)
    }

    @Test func aBadHalfLifeOrDimensionIsAClearError() {
        #expect(throws: AlgorithmError.self) { try InterestVector(dimension: 2, configuration: .init(halfLife: 0)) }
        #expect(throws: AlgorithmError.self) { try InterestVector(dimension: 2, configuration: .init(halfLife: .infinity)) }
        #expect(throws: AlgorithmError.self) { try InterestVector(dimension: 0) }
    }

    @Test func ratingsMapToSentimentLinearly() {
        #expect(InterestConfiguration.sentiment(ofRating: 5, scale: .halfStars) == 1)
        #expect(InterestConfiguration.sentiment(ofRating: 0.5, scale: .halfStars) == -1)
        #expect(InterestConfiguration.sentiment(ofRating: 2.75, scale: .halfStars) == 0)
        #expect(abs(InterestConfiguration.sentiment(ofRating: 4, scale: .halfStars) - 1.25 / 2.25) < 1e-6)
        #expect(InterestConfiguration(halfLife: 100).weight(rating: 5, scale: .halfStars, age: 200) == 0.25)
    }
}
