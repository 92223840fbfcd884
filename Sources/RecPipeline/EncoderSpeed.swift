import Foundation

/// One side's sentence-encoding speed at one thread setting, as one child process measured it.
///
/// Both sides print this JSON: `marquee bench --task encoder --texts-file FILE --threads N` and
/// `scripts/reference/minilm_speed.py`. Keys: `library`, `texts` (how many were encoded per repeat),
/// `threads`, `seconds` (wall clock of every repeat, in order) and `peak_rss_mib` (the process's peak, model
/// loading included). Unknown keys are ignored.
public struct EncoderSpeed: Sendable, Codable, Equatable {
    /// Who encoded: `"marquee"` or `"sentence-transformers 6.2.0 (torch 2.15.0)"`.
    public var library: String
    /// Texts encoded per repeat.
    public var texts: Int
    /// Threads the encoder was allowed.
    public var threads: Int
    /// Seconds of every repeat.
    public var seconds: [Double]
    /// Peak resident memory of the child process, in MiB.
    public var peakRSSMiB: Double?

    /// Creates a measurement.
    public init(library: String, texts: Int, threads: Int, seconds: [Double], peakRSSMiB: Double?) {
        self.library = library
        self.texts = texts
        self.threads = threads
        self.seconds = seconds
        self.peakRSSMiB = peakRSSMiB
    }

    /// Texts per second of the median repeat; `nil` without repeats.
    public var sentencesPerSecond: Double? {
        TopNBenchmarkingSpeed.Setting.median(seconds).map { Double(texts) / $0 }
    }

    /// The JSON a child prints.
    public var json: String { jsonLine }

    /// Reads a child's JSON.
    /// - Throws: ``PipelineError`` `.externalToolFailed` naming `source` when the output is not that JSON.
    public static func decode(_ json: Data, source: String) throws -> EncoderSpeed {
        do {
            return try JSONDecoder().decode(EncoderSpeed.self, from: json)
        } catch {
            throw PipelineError(.externalToolFailed, "\(source) did not print an encoder speed report (library, "
                                + "texts, threads, seconds, peak_rss_mib) as minilm_speed.py does", underlying: error)
        }
    }

    enum CodingKeys: String, CodingKey {
        case library, texts, threads, seconds
        case peakRSSMiB = "peak_rss_mib"
    }
}
