import Testing
import RecCore
@testable import RecAlgorithms

@Suite struct LinearBlendTests {
    /// t watched a; popularity b 3, c 2, a 1; d is cold. Content for t: c 1/√2, b 0, d −1 → scaled c 1,
    /// b 1/(1 + 1/√2) = 0.5858, d 0. Popularity for t: b 3, c 2 → b 1, c 0.
    static func models() throws -> (ContentBased, MostPopular) {
        let pairs: [(UserID, ItemID)] = [("t", "a"), ("x", "b"), ("x", "c"), ("y", "b"), ("y", "c"), ("z", "b")]
        let matrix = InteractionMatrix(pairs.map { Interaction(user: $0.0, item: $0.1, kind: .watched, value: 1) },
                                       scale: .oneToFive)
        return (try ContentBased.fit(matrix, embeddings: ContentBasedTests.embeddings), try MostPopular.fit(matrix))
    }

    @Test func scoresAreMinMaxScaledPerListAndWeighted() throws {
        let (content, popular) = try Self.models()
        let half = try LinearBlend(content, popular, configuration: .init(weight: 0.5)).recommend(for: "t", count: 10)
        #expect(half.items.map(\.item) == ["b", "c", "d"])
        let b = 0.5 * (1 / (1 + 1 / Float(2).squareRoot())) + 0.5
        #expect(abs(half.items[0].score - b) < 1e-6)
        #expect(abs(half.items[1].score - 0.5) < 1e-6)
        #expect(half.items[2].score == 0)
        #expect(try LinearBlend(content, popular, configuration: .init(weight: 1)).recommend(for: "t", count: 10).items.map(\.item) == ["c", "b", "d"])
        #expect(try LinearBlend(content, popular, configuration: .init(weight: 0)).recommend(for: "t", count: 2).items.map(\.item) == ["b", "c"])
    }

    @Test func anUnknownUserIsAFallbackOnlyWhenBothModelsFallBack() throws {
        let (content, popular) = try Self.models()
        let list = try LinearBlend(content, popular).recommend(for: "stranger", count: 2)
        #expect(list.isFallback)
        #expect(list.items.map(\.item) == ["b", "c"])
    }

    @Test func aWeightOutsideZeroToOneIsAClearError() throws {
        let (content, popular) = try Self.models()
        #expect(throws: AlgorithmError.self) { try LinearBlend(content, popular, configuration: .init(weight: 1.5)) }
        #expect(throws: AlgorithmError.self) { try LinearBlend(content, popular, configuration: .init(depth: 0)) }
    }
}
