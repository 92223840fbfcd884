import Foundation
import RecTestSupport
import Testing

/// `marquee import-factors` through the binary: Spark-shaped factor files become the served top-N model.
@Suite struct MarqueeImportFactorsTests {
    @Test func sparkFactorsImportedByTheBinaryRankTheRecommendations() throws {
        let directory = try MarqueeProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        func write(_ text: String, _ path: String) throws {
            try text.write(to: directory.appendingPathComponent(path), atomically: true, encoding: .utf8)
        }
        try write("user,item,rating,timestamp\n1,10,5,1\n2,20,5,1\n2,30,5,2\n3,40,5,1\n", "events.csv")
        // userFactors as Spark's df.write.json leaves them: part files beside _SUCCESS; itemFactors as CSV.
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("userFactors"), withIntermediateDirectories: true)
        try write(#"{"id":1,"features":[1.0,0.5]}"# + "\n", "userFactors/part-00000.json")
        try write(#"{"id":2,"features":[0.0,1.0]}"# + "\n" + #"{"id":99,"features":[5.0,5.0]}"# + "\n", "userFactors/part-00001.json")
        try write("", "userFactors/_SUCCESS")
        try write("id,features\n10,\"[3.0, 3.0]\"\n20,\"[0.5, 0.0]\"\n30,\"[1.0, 2.0]\"\n40,\"[-1.0, 0.0]\"\n", "itemFactors.csv")
        try write("id,features\n10,\"[3.0, 3.0, 1.0]\"\n", "wrongLength.csv")

        #expect(try MarqueeProcess.run(["import", "events.csv", "--format", "csv"], in: directory).exitCode == 0)
        let refused = try MarqueeProcess.run(["import-factors", "--users", "userFactors", "--items", "wrongLength.csv"], in: directory)
        #expect(refused.exitCode != 0 && !refused.standardError.isEmpty, "vectors of unequal length are refused")

        let imported = try MarqueeProcess.run(["import-factors", "--users", "userFactors", "--items", "itemFactors.csv"], in: directory)
        #expect(imported.exitCode == 0, "\(imported.standardError)")
        #expect(imported.standardOutput.contains("imported topn-als v1: 2 factors"), "v1: the refused import saved nothing")
        #expect(imported.standardOutput.contains("users with factors: 2 of 3; items with factors: 4 of 4"),
                "user 3 has no factors, user 99 is not in the store: \(imported.standardOutput)")

        let recommended = try MarqueeProcess.run(["recommend", "1", "--explain", "--count", "3"], in: directory)
        #expect(recommended.exitCode == 0, "\(recommended.standardError)")
        let ranked = recommended.standardOutput.split(separator: "\n").compactMap { line -> String? in
            let fields = line.split(separator: " ")
            return fields.count > 1 && fields[0].hasSuffix(".") && Int(fields[0].dropLast()) != nil ? String(fields[1]) : nil
        }
        #expect(recommended.standardOutput.contains("(topn-als v1)"), "\(recommended.standardOutput)")
        #expect(ranked == ["30", "20", "40"], "the imported factors' order for user 1, seen item 10 left out: \(recommended.standardOutput)")
    }
}
