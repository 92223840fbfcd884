import Foundation
import Testing
import RecAlgorithms
import RecCore

/// Every top-N recommender, fitted on small matrices with known answers. Add a case per algorithm.
enum TopNKind: String, CaseIterable, CustomStringConvertible {
    case mostPopular, itemKNN, itemKNNShrunk, userKNN, ease, bpr, implicitALS, contentBased, random

    var description: String { rawValue }

    /// Whether the model personalises (the checkerboard check applies only to those).
    var isPersonalised: Bool {
        switch self {
        case .mostPopular, .random: false
        case .itemKNN, .itemKNNShrunk, .userKNN, .ease, .bpr, .implicitALS, .contentBased: true
        }
    }

    func fit(_ matrix: InteractionMatrix, seed: UInt64 = 0) async throws -> any TopNRecommender {
        switch self {
        case .mostPopular: try MostPopular.fit(matrix)
        case .itemKNN: try await ItemKNN.fit(matrix)
        case .itemKNNShrunk: try await ItemKNN.fit(matrix, configuration: .init(neighbors: 10, shrinkage: 2))
        case .userKNN: try await UserKNN.fit(matrix)
        case .ease: try await EASE.fit(matrix, configuration: .init(regularization: 5))
        case .bpr: try await BPR.fit(matrix, configuration: .init(factors: 8, epochs: 60, learningRate: 0.05, seed: seed))
        case .implicitALS: try await ImplicitALS.fit(matrix, configuration: .init(seed: seed))
        case .contentBased: try ContentBased.fit(matrix, embeddings: Checkerboard.embeddings(of: matrix.items.ids))
        case .random: try RandomRecommender.fit(matrix, seed: seed)
        }
    }
}

/// The checkerboard of implicit's `tests/recommender_base_test.py`, on 20 users × 20 items: user u
/// interacted with item i when u and i have the same parity, except the diagonal item i = u, withheld.
/// So user u's best unseen item must be u itself: the only unseen item of its own colour.
enum Checkerboard {
    static let size = 20

    static var matrix: InteractionMatrix {
        var interactions: [Interaction] = []
        for user in 0..<size {
            for item in 0..<size where user % 2 == item % 2 && user != item {
                interactions.append(Interaction(user: UserID("u\(user)"), item: ItemID("i\(item)"), kind: .watched, value: 1))
            }
        }
        return InteractionMatrix(interactions, scale: .oneToFive)
    }

    /// Item features whose answer is the checkerboard's: item i points along axis 0 when i is even, axis 1 when
    /// odd, plus a small item-specific wobble (0.1·cos i, 0.1·sin i), so same-coloured items have cosine ≥ 0.98 and
    /// items of different colours ≤ 0.02.
    static func embeddings(of items: [ItemID]) -> ItemEmbeddings {
        let vectors = items.flatMap { id -> [Float] in
            let i = Float(Int(id.rawValue.dropFirst()) ?? 0)
            let even: Float = Int(i) % 2 == 0 ? 1 : 0
            return [even, 1 - even, 0.1 * cos(i), 0.1 * sin(i)]
        }
        return ItemEmbeddings(items: items, vectors: vectors, dimension: 4)
    }
}

@Suite struct TopNConformanceTests {
    let matrix = Checkerboard.matrix

    @Test(arguments: TopNKind.allCases.filter(\.isPersonalised))
    func checkerboardRecommendsTheWithheldItemOfTheSameColour(kind: TopNKind) async throws {
        let model = try await kind.fit(matrix)
        for user in 0..<Checkerboard.size {
            let list = model.recommend(for: UserID("u\(user)"), count: 1)
            #expect(list.items.first?.item == ItemID("i\(user)"), "user u\(user)")
            #expect(!list.isFallback)
        }
    }

    @Test(arguments: TopNKind.allCases)
    func seenAndExcludedItemsNeverAppear(kind: TopNKind) async throws {
        let model = try await kind.fit(matrix)
        let seen = Set((0..<Checkerboard.size).filter { $0 % 2 == 0 && $0 != 2 }.map { ItemID("i\($0)") })
        let list = model.recommend(for: "u2", count: 100, excluding: ["i3", "i5"], includeSeen: false)
        let returned = Set(list.items.map(\.item))
        #expect(returned.isDisjoint(with: seen))
        #expect(!returned.contains("i3") && !returned.contains("i5"))
        #expect(list.items.count == Checkerboard.size - seen.count - 2, "asking for more returns the rest")
    }

    @Test(arguments: TopNKind.allCases)
    func includeSeenReturnsTheWholeCatalogue(kind: TopNKind) async throws {
        let list = try await kind.fit(matrix).recommend(for: "u2", count: 100, excluding: [], includeSeen: true)
        #expect(list.items.count == Checkerboard.size)
        #expect(Set(list.items.map(\.item)).count == Checkerboard.size)
    }

    @Test(arguments: TopNKind.allCases)
    func unknownUserGetsThePopularityFallback(kind: TopNKind) async throws {
        let list = try await kind.fit(matrix).recommend(for: "stranger", count: 3)
        #expect(list.isFallback)
        #expect(list.items.count == 3)
    }

    @Test(arguments: TopNKind.allCases)
    func aUserWhoSawEverythingGetsAnEmptyList(kind: TopNKind) async throws {
        let all = (0..<4).map { Interaction(user: "greedy", item: ItemID("i\($0)"), kind: .watched, value: 1) }
            + [Interaction(user: "other", item: "i0", kind: .watched, value: 1)]
        let list = try await kind.fit(InteractionMatrix(all, scale: .oneToFive)).recommend(for: "greedy", count: 5)
        #expect(list.items.isEmpty)
        #expect(!list.isFallback)
    }

    @Test(arguments: TopNKind.allCases)
    func sameSeedSameList(kind: TopNKind) async throws {
        let a = try await kind.fit(matrix, seed: 7).recommend(for: "u3", count: 10)
        let b = try await kind.fit(matrix, seed: 7).recommend(for: "u3", count: 10)
        #expect(a == b)
    }

    @Test(arguments: TopNKind.allCases.filter(\.isPersonalised))
    func foldInFromATrainingUsersHistoryRecommendsTheWithheldItem(kind: TopNKind) async throws {
        let model = try #require(try await kind.fit(matrix) as? any FoldInRecommender, "\(kind) must support fold-in")
        for user in 0..<Checkerboard.size {
            let history = Dictionary(uniqueKeysWithValues: (0..<Checkerboard.size)
                .filter { $0 % 2 == user % 2 && $0 != user }.map { (ItemID("i\($0)"), Float(1)) })
            let list = model.recommend(forHistory: history, count: 3, excluding: [])
            #expect(list.items.first?.item == ItemID("i\(user)"), "history of u\(user)")
            #expect(!list.isFallback)
            #expect(Set(list.items.map(\.item)).isDisjoint(with: history.keys))
        }
        let strangers = model.recommend(forHistory: ["unknown": 1], count: 3, excluding: ["i0"])
        #expect(strangers.isFallback && strangers.items.count == 3 && !strangers.items.contains { $0.item == "i0" })
    }

    @Test(arguments: TopNKind.allCases)
    func emptyMatrixIsAClearError(kind: TopNKind) async {
        await #expect(throws: AlgorithmError.self) { try await kind.fit(InteractionMatrix([Interaction](), scale: .oneToFive)) }
    }
}
