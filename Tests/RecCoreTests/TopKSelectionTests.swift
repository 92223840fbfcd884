import Testing
import RecCore

@Suite struct TopKSelectionTests {
    @Test func picksBestFirstWithTiesBySmallerIndex() {
        let scores: [Float] = [0.5, 2, 2, .nan, 1, 3]
        let best = scores.withUnsafeBufferPointer { TopKSelection.best(3, of: $0) { _ in false } }
        #expect(best.map(\.index) == [5, 1, 2])
    }

    @Test func skipsExcludedAndReturnsWhatIsLeft() {
        let scores: [Float] = [4, 3, 2, 1]
        let best = scores.withUnsafeBufferPointer { TopKSelection.best(10, of: $0) { $0 == 0 || $0 == 2 } }
        #expect(best.map(\.index) == [1, 3])
    }

    @Test func matchesAFullSortOnRandomScores() {
        var generator = SplitMix64(seed: 9)
        let scores = (0..<500).map { _ in Float(Int.random(in: 0..<50, using: &generator)) }
        let expected = scores.enumerated().sorted { $0.element != $1.element ? $0.element > $1.element : $0.offset < $1.offset }
            .prefix(20).map(\.offset)
        let best = scores.withUnsafeBufferPointer { TopKSelection.best(20, of: $0) { _ in false } }
        #expect(best.map(\.index) == expected)
    }

    @Test func popularityCountsEntriesPerItem() {
        let matrix = InteractionMatrix([Interaction(user: "a", item: "x", value: 1), Interaction(user: "b", item: "x", value: 1),
                                        Interaction(user: "b", item: "y", value: 1)], scale: .oneToFive)
        let popularity = ItemPopularity(matrix)
        #expect(popularity.counts == [2, 1])
        #expect(popularity.mostPopular(5) { _ in false }.map(\.index) == [0, 1])
    }
}
