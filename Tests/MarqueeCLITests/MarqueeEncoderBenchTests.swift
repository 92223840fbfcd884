import Foundation
import RecTestSupport
import Testing

/// `marquee bench --task encoder`: the Marquee child on its own (needs the MiniLM weights, which `scripts/setup`
/// installs), and the whole comparison when sentence-transformers is installed (`scripts/setup` leaves it out:
/// its torch dependency is over a gigabyte). Checks the reports' shape and numbers, never the timings themselves.
@Suite(.enabled(if: TestData.isModelAvailable("all-MiniLM-L6-v2/model.safetensors"),
                TestData.modelSkipMessage("all-MiniLM-L6-v2/model.safetensors")))
struct MarqueeEncoderBenchTests {
    /// Whether `python3 -c "import sentence_transformers"` succeeds.
    static var hasSentenceTransformers: Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sentence_transformers"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    @Test func childReportsEverySecondAndItsPeakMemory() throws {
        let directory = try MarqueeProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let texts = directory.appendingPathComponent("texts.json")
        try JSONEncoder().encode(["A heist goes wrong.", "", "Two friends cross the desert on foot."]).write(to: texts)
        let run = try MarqueeProcess.run(["bench", "--task", "encoder", "--texts-file", texts.path, "--threads", "2",
                                          "--repeats", "2", "--models", TestData.modelDirectory.path])
        #expect(run.exitCode == 0, "\(run.standardError)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        #expect(report["library"] as? String == "marquee")
        #expect(report["texts"] as? Int == 3)
        #expect(report["threads"] as? Int == 2)
        let seconds = try #require(report["seconds"] as? [Double])
        #expect(seconds.count == 2 && seconds.allSatisfy { $0 > 0 })
        #expect((report["peak_rss_mib"] as? Double ?? 0) > 50, "the model alone is ~90 MB")
    }

    @Test func textsFileNeedsTheEncoderTask() throws {
        let run = try MarqueeProcess.run(["bench", "--texts-file", "x.json"])
        #expect(run.exitCode != 0)
        #expect(run.standardError.contains("--texts-file needs --task encoder"))
    }

    @Test(.enabled(if: hasSentenceTransformers,
                   "skipped: sentence-transformers is not installed (pip install sentence-transformers)"))
    func benchPrintsBothSidesAtBothThreadSettings() throws {
        let run = try MarqueeProcess.run(
            ["bench", "--task", "encoder", "--count", "20", "--repeats", "1", "--data", TestData.dataDirectory.path,
             "--models", TestData.modelDirectory.path,
             "--script", TestData.projectRoot.appendingPathComponent("scripts/reference/minilm_speed.py").path])
        #expect(run.exitCode == 0, "\(run.standardError)")
        let lines = run.standardOutput.split(separator: "\n").map(String.init)
        for measure in ["sentences/s, 1 thread", "sentences/s, 2 threads", "peak RSS MiB, 1 thread", "peak RSS MiB, 2 threads"] {
            let line = try #require(lines.first { $0.hasPrefix(measure + " ") }, "no row \(measure) in\n\(run.standardOutput)")
            let cells = line.dropFirst(measure.count).split(separator: " ").map(String.init)
            #expect(cells.count >= 3, "\(line)")
            guard cells.count >= 3 else { continue }
            #expect((Double(cells[0]) ?? 0) > 0 && (Double(cells[1]) ?? 0) > 0, "\(line)")
            #expect(cells[2].hasSuffix("×") && Double(cells[2].dropLast()) != nil, "\(line)")
        }
        #expect(run.standardOutput.contains("the first 20 non-empty TMDB 5000 overviews"))
    }
}
