import Testing
import RecCore

@Suite struct GenreMixTests {
    let vocabulary = GenreVocabulary([Item(id: "a", title: "A", genres: ["Drama"]),
                                      Item(id: "b", title: "B", genres: ["Drama", "comedy", "Comedy"]),
                                      Item(id: "c", title: "C", genres: ["Comedy"]),
                                      Item(id: "n", title: "No genres")])

    @Test func genresAreIndexedIgnoringCaseAndItemsSplitTheirWeight() {
        #expect(vocabulary.names == ["Drama", "comedy"])
        #expect(vocabulary.genres(of: "b") == [0, 1])
        #expect(vocabulary.genres(of: "n").isEmpty && vocabulary.genres(of: "unknown").isEmpty)
        let history = vocabulary.mix(of: ["a": 1, "b": 1, "n": 5] as [ItemID: Float])
        #expect(history.probability(of: 0) == 0.75 && history.probability(of: 1) == 0.25, "b gives half to each genre")
    }

    @Test func miscalibrationIsSteckSmoothedKL() {
        // p = (¾ Drama, ¼ Comedy); a list of one comedy has q = (0, 1), q̃ = 0.99 q + 0.01 p = (0.0075, 0.9925):
        // KL = ¾ ln(0.75 / 0.0075) + ¼ ln(0.25 / 0.9925) = 3.453878 − 0.344692 = 3.109186.
        let history = vocabulary.mix(of: ["a": 1, "b": 1] as [ItemID: Float])
        let list = vocabulary.mix(of: ["c"] as [ItemID])
        #expect(abs(list.divergence(from: history) - 3.109186) < 1e-6)
        #expect(abs(vocabulary.mix(of: ["a", "b"] as [ItemID]).divergence(from: history)) < 1e-12, "the same mix")
        #expect(GenreMix(genreCount: 2).divergence(from: GenreMix(genreCount: 2)) == 0, "no history, nothing to follow")
    }

    @Test func addingAnItemInPlaceEqualsBuildingTheMix() {
        let history = vocabulary.mix(of: ["a": 2, "c": 1] as [ItemID: Float])
        let list = vocabulary.mix(of: ["a"] as [ItemID])
        let built = vocabulary.mix(of: ["a", "b"] as [ItemID])
        #expect(abs(list.divergence(from: history, adding: vocabulary.genres(of: "b")) - built.divergence(from: history)) < 1e-12)
    }
}
