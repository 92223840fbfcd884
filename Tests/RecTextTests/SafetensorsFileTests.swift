import Foundation
import Testing
import RecText

@Suite struct SafetensorsFileTests {
    /// Writes a safetensors file holding `header` and `payload` to a fresh temporary path.
    static func write(header: String, payload: [Float], declaredLength: Int? = nil) throws -> URL {
        let json = Data(header.utf8)
        var bytes = Data()
        let length = UInt64(declaredLength ?? json.count)
        for k in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: length >> (8 * UInt64(k)))) }
        bytes.append(json)
        for value in payload {
            let bits = value.bitPattern
            for k in 0..<4 { bytes.append(UInt8(truncatingIfNeeded: bits >> (8 * UInt32(k)))) }
        }
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("marquee-\(UUID().uuidString).safetensors")
        try bytes.write(to: url)
        return url
    }

    @Test func readsTensorsNamedInTheHeader() throws {
        let header = #"{"__metadata__":{"format":"pt"},"a":{"dtype":"F32","shape":[2,3],"data_offsets":[0,24]},"#
            + #""b":{"dtype":"F32","shape":[2],"data_offsets":[24,32]}}"#
        let url = try Self.write(header: header, payload: [1, 2, 3, 4, 5, 6, -0.5, 7.25])
        defer { try? FileManager.default.removeItem(at: url) }
        let file = try SafetensorsFile(contentsOf: url)
        #expect(file.tensors.count == 2)
        let a = try #require(file.tensors["a"])
        #expect(a.dtype == "F32" && a.shape == [2, 3] && a.byteRange == 0..<24)
        #expect(try file.floats("a", shape: [2, 3]) == [1, 2, 3, 4, 5, 6])
        #expect(try file.floats("b", shape: [2]) == [-0.5, 7.25])
        #expect(throws: TextError.self) { try file.floats("a", shape: [3, 2]) }
        #expect(throws: TextError.self) { try file.floats("c", shape: [1]) }
    }

    @Test func truncatedDataIsReportedAsTruncated() throws {
        let header = #"{"a":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}}"#
        let url = try Self.write(header: header, payload: [1, 2])
        defer { try? FileManager.default.removeItem(at: url) }
        let error = try #require(throws: TextError.self) { try SafetensorsFile(contentsOf: url) }
        #expect(error.code == .invalidModel)
        #expect(error.message.contains("truncated") && error.message.contains("scripts/setup"))
    }

    @Test func headerLongerThanTheFileIsReportedAsTruncated() throws {
        let url = try Self.write(header: "{}", payload: [], declaredLength: 1000)
        defer { try? FileManager.default.removeItem(at: url) }
        let error = try #require(throws: TextError.self) { try SafetensorsFile(contentsOf: url) }
        #expect(error.message.contains("truncated"))
    }

    @Test func missingFileNamesThePathAndTheRemedy() throws {
        let error = try #require(throws: TextError.self) {
            try SafetensorsFile(contentsOf: URL(fileURLWithPath: "/nonexistent/model.safetensors"))
        }
        #expect(error.code == .missingModel)
        #expect(error.message.contains("/nonexistent/model.safetensors") && error.message.contains("MARQUEE_MODELS"))
    }
}
