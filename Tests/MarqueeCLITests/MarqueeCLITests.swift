import Foundation
import Testing
import RecTestSupport

/// The built `marquee` binary, run as a user would: stdout, stderr and exit codes.
@Suite struct MarqueeCLITests {
    @Test func demoImportsOnceTrainsOnceAndRecommendsTen() throws {
        let directory = try MarqueeProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }

        let first = try MarqueeProcess.run(["demo", "--no-serve"], in: directory)
        #expect(first.exitCode == 0, "stderr: \(first.standardError)")
        #expect(first.standardOutput.contains("imported MovieTweetings"))
        #expect(first.standardOutput.contains("read: 100000 interactions"))
        #expect(first.standardOutput.contains("trained biased-mf v1"))
        #expect(first.standardOutput.contains("trained topn-als v1"), "the server's model is trained too")
        #expect(first.standardOutput.contains("top 10 for user"))
        #expect(first.standardError.contains("import ratings.dat"), "progress bar on import")
        #expect(first.standardError.contains("train biased-mf"), "progress bar on training")
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("marquee.sqlite").path))

        let second = try MarqueeProcess.run(["demo", "--no-serve"], in: directory)
        #expect(second.exitCode == 0)
        #expect(!second.standardOutput.contains("imported"), "the second run reuses the database")
        #expect(!second.standardOutput.contains("trained"), "the second run reuses the model")
        #expect(second.standardOutput.contains("top 10 for user"))

        let user = try #require(second.standardOutput.components(separatedBy: "top 10 for user ").last?
            .split(separator: " ").first.map(String.init))
        let explained = try MarqueeProcess.run(["recommend", user, "--count", "3", "--explain", "--pitch"], in: directory)
        #expect(explained.exitCode == 0, "stderr: \(explained.standardError)")
        #expect(explained.standardOutput.contains("top 3 (topn-als v1):"), "\(explained.standardOutput)")
        #expect(explained.standardOutput.components(separatedBy: "   why: Because you liked ").count == 4)
        #expect(explained.standardOutput.components(separatedBy: "   pitch (offline): ").count == 4)
        let refused = try MarqueeProcess.run(["recommend", "--text", "funny", "--explain"], in: directory)
        #expect(refused.exitCode != 0)
        #expect(refused.standardError.contains("--explain and --pitch need a user id"))
    }

    @Test func keysAreCreatedListedAndRevoked() throws {
        let directory = try MarqueeProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let created = try MarqueeProcess.run(["keys", "create", "--role", "admin", "--label", "ops"], in: directory)
        #expect(created.exitCode == 0, "stderr: \(created.standardError)")
        let words = created.standardOutput.split(whereSeparator: \.isWhitespace)
        let key = try #require(words.last.map(String.init)), id = try #require(words.dropLast().last.map { String($0.dropLast()) })
        #expect(key.hasPrefix("mq_") && id.count == 8)
        let listed = try MarqueeProcess.run(["keys", "list"], in: directory)
        #expect(listed.standardOutput.contains("\(id)  admin  valid"))
        #expect(!listed.standardOutput.contains(key), "the list never shows a key")
        #expect(try MarqueeProcess.run(["keys", "revoke", id], in: directory).exitCode == 0)
        #expect(try MarqueeProcess.run(["keys", "list"], in: directory).standardOutput.contains("\(id)  admin  revoked"))
        let again = try MarqueeProcess.run(["keys", "revoke", id], in: directory)
        #expect(again.exitCode != 0)
        #expect(again.standardError.contains("no valid API key has id"))
    }

    @Test func importReportsBadRowsWithFileLineAndFieldAndExitsNonZero() throws {
        let directory = try MarqueeProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let events = directory.appendingPathComponent("events.csv")
        try "user,item,rating\n1,10,4\n2,11,x\n3,12,5\n".write(to: events, atomically: true, encoding: .utf8)

        let run = try MarqueeProcess.run(["import", events.path, "--format", "csv"], in: directory)
        #expect(run.exitCode == 1)
        #expect(run.standardOutput.contains("events.csv:3: field 'rating'"), "\(run.standardOutput)")
        #expect(run.standardOutput.contains("new:  2 interactions"))

        let again = try MarqueeProcess.run(["import", events.path, "--format", "csv"], in: directory)
        #expect(again.standardOutput.contains("new:  0 interactions"), "re-import adds nothing")
    }

    @Test func strictImportWritesNothingWhenARowIsBad() throws {
        let directory = try MarqueeProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let events = directory.appendingPathComponent("events.csv")
        try "user,item,rating\n1,10,4\n2,11,9\n".write(to: events, atomically: true, encoding: .utf8)

        let run = try MarqueeProcess.run(["import", events.path, "--format", "csv", "--strict"], in: directory)
        #expect(run.exitCode != 0)
        #expect(run.standardError.contains("events.csv:3"), "\(run.standardError)")
        let train = try MarqueeProcess.run(["train"], in: directory)
        #expect(train.exitCode != 0)
        #expect(train.standardError.contains("nothing was imported"), "\(train.standardError)")
    }

    @Test func contentTaskRejectsAnAlgorithmAndABadBlendWeight() throws {
        let algorithm = try MarqueeProcess.run(["evaluate", "--task", "content", "--algorithm", "als"])
        #expect(algorithm.exitCode == 64 && algorithm.standardError.contains("--task content compares its own models"))
        let weight = try MarqueeProcess.run(["evaluate", "--task", "content", "--blend-weight", "2"])
        #expect(weight.exitCode == 64 && weight.standardError.contains("--blend-weight must be from 0 to 1, got 2.0"))
    }

        @Test func unknownSplitIsAUsageError() throws {
        let run = try MarqueeProcess.run(["evaluate", "--split", "sideways"])
        #expect(run.exitCode == 64)
        #expect(run.standardError.contains("split 'sideways' is unknown"))
        #expect(run.standardError.contains("Usage:"))
    }

    @Test(.enabled(if: TestData.isAvailable("ml-100k/u1.base"), TestData.skipMessage("ml-100k/u1.base")))
    func evaluatePrintsTheJSONContract() throws {
        let run = try MarqueeProcess.run(["evaluate", "--dataset", "ml-100k", "--split", "official5",
                                          "--algorithm", "baseline", "--json", "--data", TestData.dataDirectory.path])
        #expect(run.exitCode == 0, "\(run.standardError)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        #expect(object["algorithm"] as? String == "baseline")
        let rmse = try #require(object["rmse"] as? Double)
        #expect(rmse > 0.9 && rmse < 1.0)
        #expect(object["mae"] is Double)
        let folds = try #require(object["folds"] as? [[String: Any]])
        #expect(folds.count == 5)
        for fold in folds {
            for key in ["rmse", "mae", "fit_seconds", "predict_seconds"] { #expect(fold[key] is Double, "\(key)") }
        }
    }
}

/// `marquee bench` against the real peer: needs scikit-surprise, which `scripts/setup` installs.
@Suite(.enabled(if: TestData.isAvailable("ml-100k/u1.base"), TestData.skipMessage("ml-100k/u1.base")))
struct MarqueeBenchTests {
    @Test func benchPrintsBothSidesForOneFold() throws {
        let run = try MarqueeProcess.run(["bench", "--folds", "1", "--data", TestData.dataDirectory.path,
                                          "--script", TestData.projectRoot.appendingPathComponent("scripts/reference/surprise_folds.py").path])
        #expect(run.exitCode == 0, "\(run.standardError)")
        let lines = run.standardOutput.split(separator: "\n")
        let baseline = try #require(lines.first { $0.hasPrefix("baseline ") })
        // Same data, same ALS: both RMSE columns agree on fold u1 (0.9599 in the committed fixture).
        #expect(baseline.contains("0.9599         0.9599"), "\(baseline)")
        #expect(lines.contains { $0.hasPrefix("svdpp ") && $0.contains("svdpp") && $0.hasSuffix("×") })
        #expect(run.standardOutput.contains("surprise peak RSS:"))
    }
}

/// `marquee evaluate --task topn --json`: the contract other tools read.
@Suite(.enabled(if: TestData.isAvailable("ml-100k/u.data"), TestData.skipMessage("ml-100k/u.data")))
struct MarqueeTopNEvaluateTests {
    @Test func topNEvaluatePrintsTheJSONContract() throws {
        let run = try MarqueeProcess.run(["evaluate", "--task", "topn", "--dataset", "ml-100k", "--protocol", "p1-temporal",
                                          "--algorithm", "item-knn", "--json", "--data", TestData.dataDirectory.path])
        #expect(run.exitCode == 0, "\(run.standardError)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        #expect(object["algorithm"] as? String == "item-knn")
        for key in ["ndcg@10", "precision@10", "recall@10", "map@10", "hr@10", "coverage@10", "gini@10", "novelty@10", "fit_seconds"] {
            #expect(object[key] is Double, "\(key)")
        }
        let ndcg = try #require(object["ndcg@10"] as? Double)
        #expect(ndcg > 0.1 && ndcg < 0.2)
    }

    @Test func aRatingAlgorithmIsRejectedForTopN() throws {
        let run = try MarqueeProcess.run(["evaluate", "--task", "topn", "--algorithm", "svdpp"])
        #expect(run.exitCode == 64)
        #expect(run.standardError.contains("not a top-N algorithm"))
    }
}

/// `marquee sentiment` with VADER's own README example (compound 0.8316 in vaderSentiment 3.3.2), in an empty
/// folder so that no store (and so no classifier) is found.
@Suite struct MarqueeSentimentTests {
    @Test func sentimentWithoutAClassifierSaysSoAndPrintsVADER() throws {
        let folder = try MarqueeProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try MarqueeProcess.run(["sentiment", "VADER is smart, handsome, and funny."], in: folder)
        #expect(run.exitCode == 0, "\(run.standardError)")
        let lines = run.standardOutput.split(separator: "\n")
        #expect(lines.first?.hasPrefix("no trained classifier: marquee.sqlite does not exist; run `marquee sentiment --train`") == true,
                "\(run.standardOutput)")
        #expect(lines.last?.hasPrefix("VADER: positive (compound 0.8316;") == true, "\(run.standardOutput)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("marquee.sqlite").path))
        let negative = try MarqueeProcess.run(["sentiment", "The plot was dull and the acting was terrible."], in: folder)
        #expect(negative.standardOutput.contains("VADER: negative"), "\(negative.standardOutput)")
    }

    @Test func sentimentNeedsExactlyOneOfTextTrainOrEvaluate() throws {
        let run = try MarqueeProcess.run(["sentiment", "--train", "--evaluate"])
        #expect(run.exitCode == 64)
        #expect(run.standardError.contains("give exactly one of"))
    }
}
