import Testing
import RecPipeline

@Suite struct TextTableTests {
    @Test func padsColumnsAndRightAlignsNumbers() {
        let table = TextTable(header: ["name", "rmse"], rows: [["svd", "0.9345"], ["baseline-als", "1.5"]])
        #expect(table.text == """
            name          rmse
            ------------  ------
            svd           0.9345
            baseline-als     1.5
            """)
    }

    @Test(arguments: [(0.91234, 4, "0.9123"), (2.5, 0, "3"), (-0.00001, 2, "0.00"), (-1.25, 1, "-1.3"), (12.0, 2, "12.00")])
    func fixedRoundsToDigits(value: Double, digits: Int, expected: String) {
        #expect(TextTable.fixed(value, digits: digits) == expected)
    }

    @Test func secondsSwitchesUnitAtOne() {
        #expect(TextTable.seconds(0.0123) == "12 ms")
        #expect(TextTable.seconds(2.5) == "2.500 s")
    }
}
