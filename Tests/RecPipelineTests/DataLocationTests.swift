import Foundation
import Testing
import RecPipeline

@Suite struct DataLocationTests {
    @Test func flagBeatsEnvironmentBeatsDefault() {
        #expect(DataLocation(explicit: "/a", environment: ["MARQUEE_DATA": "/b"]).directory.path == "/a")
        #expect(DataLocation(explicit: nil, environment: ["MARQUEE_DATA": "/b"]).directory.path == "/b")
        #expect(DataLocation(explicit: nil, environment: [:]).directory.lastPathComponent == "data")
    }

    @Test func missingDataSetNamesTheFolderAndTheFix() {
        let location = DataLocation(explicit: "/nonexistent-marquee", environment: [:])
        #expect {
            try location.dataset("ml-100k")
        } throws: { error in
            "\(error)".contains("/nonexistent-marquee/ml-100k") && "\(error)".contains("MARQUEE_DATA")
        }
    }
}
