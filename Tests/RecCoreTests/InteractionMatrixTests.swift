import Testing
@testable import RecCore

@Suite struct InteractionMatrixTests {
    let interactions = [
        Interaction(user: "a", item: "x", value: 4),
        Interaction(user: "b", item: "y", value: 2),
        Interaction(user: "a", item: "y", value: 5),
        Interaction(user: "c", item: "x", kind: .watched),
    ]

    @Test func rowsAndColumnsHoldEveryRatedEntryOnce() {
        let matrix = InteractionMatrix(interactions, scale: .oneToFive)
        #expect(matrix.users.ids == ["a", "b"])
        #expect(matrix.items.ids == ["x", "y"])
        #expect(matrix.entryCount == 3)
        #expect(Array(matrix.row(0).items) == [0, 1])
        #expect(Array(matrix.row(0).values) == [4, 5])
        #expect(Array(matrix.column(1).users) == [1, 0])
        #expect(Array(matrix.column(1).values) == [2, 5])
        #expect(abs(matrix.globalMean - 11.0 / 3.0) < 1e-6)
    }

    @Test func emptyInputGivesEmptyMatrix() {
        let matrix = InteractionMatrix([Interaction](), scale: .oneToFive)
        #expect(matrix.entryCount == 0)
        #expect(matrix.globalMean == 0)
        #expect(matrix.userOffsets == [0])
    }
}
