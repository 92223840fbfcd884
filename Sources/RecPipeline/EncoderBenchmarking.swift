import Foundation
import RecCore
import RecEvaluation
import RecImport
import RecText

/// `marquee bench --task encoder`: Marquee's MiniLM encoder against sentence-transformers on the same TMDB
/// overviews, in the same run, at 1 and 2 threads, each side and setting in its own child process.
///
/// The order is Marquee 1 thread, peer 1 thread, Marquee 2 threads, peer 2 threads, so a change of machine load
/// hits the two sides of a comparison about equally. Both children read the same JSON file of texts, load the
/// model, encode the first 32 texts once (warm-up), then time `repeats` encodings of all of them; the reported
/// speed is texts ÷ the median repeat's seconds. Peak RSS is each child's own, model loading included.
public enum EncoderBenchmarking {
    /// The thread settings compared.
    public static let threadSettings = [1, 2]

    /// Runs the whole comparison.
    ///
    /// - Parameters:
    ///   - count: how many overviews: the first `count` non-empty ones of `tmdb_5000_movies.csv`, in file order.
    ///   - repeats: timed encodings per child.
    ///   - data: where `tmdb-5000-movies` is.
    ///   - models: where `all-MiniLM-L6-v2` is (both sides load it from there).
    ///   - executable: the `marquee` binary that runs the Marquee children.
    ///   - python: the interpreter with sentence-transformers; `script`: `scripts/reference/minilm_speed.py`.
    /// - Throws: ``PipelineError`` when the data or model is missing, a child fails or prints no report.
    public static func run(count: Int, repeats: Int, data: DataLocation, models: ModelLocation,
                           executable: URL = TopNBenchmarking.defaultExecutable, python: String = "python3",
                           script: URL, progress: ProgressHandler? = nil) async throws -> EncoderBenchmarkingResult {
        let texts = try overviews(count: count, data: data)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("marquee-encoder-texts-\(UUID().uuidString).json")
        try JSONEncoder().encode(texts).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let model = models.directory.appendingPathComponent("all-MiniLM-L6-v2")
        var marquee: [EncoderSpeed] = [], peer: [EncoderSpeed] = []
        for threads in threadSettings {
            progress?(TaskProgress(phase: "marquee encoder, \(threads) thread(s)", completed: 0, total: nil))
            let ours = try await ExternalCommand.run(
                executable.path,
                arguments: ["bench", "--task", "encoder", "--texts-file", file.path, "--threads", String(threads),
                            "--repeats", String(repeats), "--models", models.directory.path],
                hint: "see its message above")
            marquee.append(try EncoderSpeed.decode(ours, source: "marquee bench --task encoder --texts-file"))
            progress?(TaskProgress(phase: "sentence-transformers, \(threads) thread(s)", completed: 0, total: nil))
            let theirs = try await ExternalCommand.run(
                python,
                arguments: [script.path, "--texts", file.path, "--model", model.path, "--threads", String(threads),
                            "--repeat", String(repeats)],
                hint: "is sentence-transformers installed (pip install sentence-transformers)?")
            peer.append(try EncoderSpeed.decode(theirs, source: script.lastPathComponent))
        }
        return EncoderBenchmarkingResult(texts: texts.count, repeats: repeats, marquee: marquee, peer: peer,
                                         machine: .current)
    }

    /// The Marquee child's work: loads the encoder with `threads` workers, encodes the first 32 texts once, then
    /// times `repeats` encodings of all `texts`. Call it in a fresh process so the peak RSS is the encoder's.
    /// - Throws: ``PipelineError`` `.noModel` when the model files are missing; encoder errors.
    /// - Complexity: `repeats + 1` encodings of the texts.
    public static func measure(texts: [String], threads: Int, repeats: Int,
                               models: ModelLocation) async throws -> EncoderSpeed {
        let encoder = try models.sentenceEncoder(configuration: MiniLMConfiguration(threads: threads))
        _ = try await encoder.embed(Array(texts.prefix(32)))
        let clock = ContinuousClock()
        var seconds: [Double] = []
        for _ in 0..<repeats {
            let start = clock.now
            _ = try await encoder.embed(texts)
            seconds.append((clock.now - start).seconds)
        }
        return EncoderSpeed(library: "marquee", texts: texts.count, threads: threads, seconds: seconds,
                            peakRSSMiB: PeakMemory.residentMiB())
    }

    /// The first `count` non-empty overviews of the TMDB 5000 movies file, in file order.
    /// - Throws: ``PipelineError`` `.dataNotFound` without the data set, `.invalidArgument` when it holds fewer.
    public static func overviews(count: Int, data: DataLocation) throws -> [String] {
        let file = try data.dataset("tmdb-5000-movies").appendingPathComponent("tmdb_5000_movies.csv")
        let texts = try TMDBMovie.read(file).map(\.overview).filter { !$0.isEmpty }.prefix(count)
        guard texts.count == count else {
            throw PipelineError(.invalidArgument, "\(file.path) has \(texts.count) overviews, fewer than the \(count) asked for")
        }
        return Array(texts)
    }
}
