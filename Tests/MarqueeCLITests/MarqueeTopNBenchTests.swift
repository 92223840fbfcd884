import Foundation
import RecTestSupport
import Testing

/// `marquee bench --task topn` against the real peer on the tiny synthetic set: needs implicit, which
/// `scripts/setup` installs. Checks the table's shape and numbers, never the timings themselves.
@Suite struct MarqueeTopNBenchTests {
    @Test func topNBenchPrintsBothSidesOfEveryALSAndBPRRow() throws {
        let cache = try MarqueeProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: cache) }
        let run = try MarqueeProcess.run(
            ["bench", "--task", "topn", "--size", "tiny", "--iterations", "2", "--repeats", "1",
             "--script", TestData.projectRoot.appendingPathComponent("scripts/reference/implicit_speed.py").path],
            environment: ["TMPDIR": cache.path])
        #expect(run.exitCode == 0, "\(run.standardError)")
        let lines = run.standardOutput.split(separator: "\n").map(String.init)
        for measure in ["ALS s/iteration, 1 thread", "ALS s/iteration, 2 threads", "BPR s/epoch, 1 thread",
                        "BPR s/epoch, 2 threads", "ALS peak RSS", "BPR peak RSS"] {
            let line = try #require(lines.first { $0.hasPrefix(measure + " ") }, "no row \(measure) in\n\(run.standardOutput)")
            let cells = line.dropFirst(measure.count).split(separator: " ").map(String.init)
            // marquee value, unit, implicit value, unit, ratio, then the goal for ALS time and peak RSS.
            #expect(cells.count >= 5, "\(line)")
            guard cells.count >= 5 else { continue }
            let ours = try #require(Double(cells[0]), "\(line)"), theirs = try #require(Double(cells[2]), "\(line)")
            #expect(ours > 0 && theirs > 0, "\(line)")
            #expect(cells[4].hasSuffix("×") && Double(cells[4].dropLast()) != nil, "\(line)")
        }
        #expect(run.standardOutput.contains("20000 interactions over 1000 users × 500 items"))
        #expect(run.standardOutput.contains("machine: "))
        // The generated file went to the cache folder and stays there for the next run.
        #expect(FileManager.default.fileExists(atPath: cache.appendingPathComponent("marquee-synthetic-tiny-seed0.csv").path))
    }

    @Test func workerNeedsTheTopNTaskAndAFile() throws {
        let run = try MarqueeProcess.run(["bench", "--worker", "als"])
        #expect(run.exitCode != 0)
        #expect(run.standardError.contains("--worker needs --task topn and --csv"))
    }
}
