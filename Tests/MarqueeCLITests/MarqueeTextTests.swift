import Foundation
import Testing
import RecTestSupport

/// `marquee embed` and `marquee recommend --text` on a three-movie MovieLens-latest folder.
@Suite(.enabled(if: TestData.isModelAvailable("all-MiniLM-L6-v2/model.safetensors"),
                TestData.modelSkipMessage("all-MiniLM-L6-v2/model.safetensors")))
struct MarqueeTextTests {
    @Test func embedThenRecommendForAMood() throws {
        let directory = try MarqueeProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let folder = directory.appendingPathComponent("ml-tiny")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "movieId,title,genres\n1,Airplane! (1980),Comedy\n2,Saw (2004),Horror|Thriller\n3,Schindler's List (1993),Drama|War\n"
            .write(to: folder.appendingPathComponent("movies.csv"), atomically: true, encoding: .utf8)
        try "userId,movieId,rating,timestamp\n1,1,4.0,964982703\n1,2,2.0,964982704\n"
            .write(to: folder.appendingPathComponent("ratings.csv"), atomically: true, encoding: .utf8)
        let models = ["--models", TestData.modelDirectory.path]
        #expect(try MarqueeProcess.run(["import", folder.path], in: directory).exitCode == 0)

        let missing = try MarqueeProcess.run(["recommend", "--text", "funny"] + models, in: directory)
        #expect(missing.exitCode != 0 && missing.standardError.contains("marquee embed"), "\(missing.standardError)")

        let embed = try MarqueeProcess.run(["embed"] + models, in: directory)
        #expect(embed.exitCode == 0, "\(embed.standardError)")
        #expect(embed.standardOutput.contains("item embeddings v1: 3 items, 3 embedded now"), "\(embed.standardOutput)")
        #expect(try MarqueeProcess.run(["embed"] + models, in: directory).standardOutput.contains("0 embedded now"))

        let mood = try MarqueeProcess.run(["recommend", "--text", "something funny and light after a long week", "--count", "1"] + models,
                                          in: directory)
        #expect(mood.exitCode == 0, "\(mood.standardError)")
        #expect(mood.standardOutput.contains("Airplane!"), "\(mood.standardOutput)")

        let emoji = try MarqueeProcess.run(["recommend", "--text", "😀🍿"] + models, in: directory)
        #expect(emoji.exitCode == 1 && emoji.standardError.contains("none of the text's"), "\(emoji.standardError)")
        let long = try MarqueeProcess.run(["recommend", "--text", String(repeating: "funny ", count: 20_000)] + models, in: directory)
        #expect(long.exitCode == 0 && long.standardOutput.contains("only its first 254 word pieces were used"))
        let both = try MarqueeProcess.run(["recommend", "1", "--text", "funny"], in: directory)
        #expect(both.exitCode == 64 && both.standardError.contains("either a user id or --text"))
    }
}
