import Foundation
import Testing
import RecCore
import RecImport

@Suite struct StreamingEventsTests {
    @Test func streamingGivesTheSameEventsAndRejectionsAsReading() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("stream-\(UUID().uuidString).csv")
        try "user,item,value\n1,a,1\n2,b,x\n3,a,0.5\n".write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let mapping = EventMapping(rating: "value", scale: RatingScale(minimum: 0, maximum: 1))
        var streamed: [Interaction] = []
        let rejected = try DatasetImporter.forEachCSVEvent(in: url, mapping: mapping) { streamed.append($0) }
        let read = try DatasetImporter.read(url, format: .csvEvents(mapping))
        #expect(streamed == read.interactions)
        #expect(streamed.count == 2)
        #expect(rejected == read.rejected)
        #expect(rejected.first?.line == 3)

        var builder = InteractionMatrix.Builder(scale: mapping.scale)
        streamed.forEach { builder.append($0) }
        let matrix = builder.build()
        #expect(matrix.entryCount == 2)
        #expect(matrix.users.ids == ["1", "3"])
        #expect(matrix.entryValues == [1, 0.5])
    }

    @Test func missingFileIsAClearError() {
        #expect {
            try DatasetImporter.forEachCSVEvent(in: URL(fileURLWithPath: "/nonexistent/e.csv"), mapping: EventMapping()) { _ in }
        } throws: { "\($0)".contains("/nonexistent/e.csv") }
    }
}
