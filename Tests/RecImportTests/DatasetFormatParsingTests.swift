import Testing
import RecCore
import RecImport

@Suite struct DatasetFormatParsingTests {
    @Test func namedFormatsParse() throws {
        #expect(try DatasetFormat(parsing: "ml-100k") == .movieLens100K)
        #expect(try DatasetFormat(parsing: "movietweetings").scale == .zeroToTen)
    }

    @Test func eventFormatsTakeColumnsAndScale() throws {
        let format = try DatasetFormat(parsing: "csv", columns: "user=uid,item=movie", scale: "0.5-5/0.5")
        guard case .csvEvents(let mapping) = format else {
            Issue.record("expected csv events, got \(format)")
            return
        }
        #expect(mapping.user == "uid")
        #expect(mapping.item == "movie")
        #expect(mapping.scale == .halfStars)
    }

    @Test(arguments: ["5-1", "x-5", "1-5/-1", "15"])
    func badScaleNamesTheExpectedForm(text: String) {
        #expect {
            try DatasetFormat(parsing: "jsonl", scale: text)
        } throws: { error in
            "\(error)".contains("'\(text)'") && "\(error)".contains("MIN-MAX")
        }
    }

    @Test func unknownFormatListsTheKnownOnes() {
        #expect {
            try DatasetFormat(parsing: "parquet")
        } throws: { error in
            "\(error)".contains("'parquet'") && "\(error)".contains("movietweetings")
        }
    }

    @Test func fixedLayoutsRefuseColumns() {
        #expect(throws: ImportError.self) { try DatasetFormat(parsing: "ml-100k", columns: "user=u") }
    }
}
