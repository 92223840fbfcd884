import Testing
import RecCore
import RecPipeline

@Suite struct DataFingerprintTests {
    let base = [Interaction(user: "1", item: "2", value: 3, timestamp: 4)]

    /// FNV-1a of nothing is the offset basis, a published constant.
    @Test func emptyInputIsTheOffsetBasis() {
        #expect(DataFingerprint.of([]) == "cbf29ce484222325")
    }

    @Test func anyFieldChangeChangesTheDigest() {
        let digest = DataFingerprint.of(base)
        #expect(digest == DataFingerprint.of(base))
        var other = base
        other[0].value = 4
        #expect(DataFingerprint.of(other) != digest)
        other = base
        other[0].timestamp = nil
        #expect(DataFingerprint.of(other) != digest)
        other = base
        other[0].user = "12"
        other[0].item = ""
        #expect(DataFingerprint.of(other) != DataFingerprint.of([Interaction(user: "1", item: "2", value: 3, timestamp: 4)]))
    }
}
