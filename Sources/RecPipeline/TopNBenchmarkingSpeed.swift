import Foundation

/// One model's training speed and memory on one interaction file, as one child process measured it.
///
/// Both sides print this JSON: `marquee bench --task topn --worker MODEL` and
/// `scripts/reference/implicit_speed.py --only MODEL --json`. Keys: `library`, `data` (`users`, `items`,
/// `interactions`), `data_rss_mib` (peak RSS before the first fit: the data and matrix alone),
/// `peak_rss_mib` (the process's peak over loading and every fit), `threads_1` / `threads_2` (the fits at
/// that thread setting), `blas` (the peer's OpenBLAS, absent for Marquee). Unknown keys are ignored.
public struct TopNBenchmarkingSpeed: Sendable, Codable, Equatable {
    /// The fits at one thread setting.
    public struct Setting: Sendable, Codable, Equatable {
        /// Median seconds per ALS iteration (fit seconds ÷ iterations); `nil` for BPR.
        public var secondsPerIteration: Double?
        /// Median seconds per BPR epoch (fit seconds ÷ epochs); `nil` for ALS.
        public var secondsPerEpoch: Double?
        /// Wall-clock seconds of every fit, in order.
        public var fitSeconds: [Double]

        /// Median seconds per iteration or epoch, whichever this setting has.
        public var seconds: Double? { secondsPerIteration ?? secondsPerEpoch }

        /// Summarises fits of `iterations` iterations each: the median of fit seconds ÷ iterations, under the
        /// key for `model` (as the peer script does).
        public init(model: TopNBenchmarkingConfiguration.Model, iterations: Int, fitSeconds: [Double]) {
            let median = Self.median(fitSeconds.map { $0 / Double(iterations) })
            secondsPerIteration = model == .als ? median : nil
            secondsPerEpoch = model == .bpr ? median : nil
            self.fitSeconds = fitSeconds
        }

        /// The middle value, or the mean of the two middle values (as `numpy.median`); `nil` when empty.
        static func median(_ values: [Double]) -> Double? {
            guard !values.isEmpty else { return nil }
            let sorted = values.sorted(), middle = sorted.count / 2
            return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        }

        enum CodingKeys: String, CodingKey {
            case secondsPerIteration = "seconds_per_iteration"
            case secondsPerEpoch = "seconds_per_epoch"
            case fitSeconds = "fit_seconds"
        }
    }

    /// The training matrix's shape.
    public struct DataShape: Sendable, Codable, Equatable {
        /// Rows: distinct users.
        public var users: Int
        /// Columns: distinct items.
        public var items: Int
        /// Stored entries.
        public var interactions: Int

        /// Creates a shape.
        public init(users: Int, items: Int, interactions: Int) {
            self.users = users
            self.items = items
            self.interactions = interactions
        }
    }

    /// One BLAS library the peer loaded, from threadpoolctl.
    public struct BLAS: Sendable, Codable, Equatable {
        /// File name, e.g. `libscipy_openblas64_-….so`.
        public var library: String
        /// Its version, when reported.
        public var version: String?
        /// The kernel that ran, e.g. `SkylakeX` or `Haswell`.
        public var architecture: String?
    }

    /// Who trained: `"marquee"` or `"implicit 0.7.3"`.
    public var library: String
    /// The matrix trained on.
    public var data: DataShape
    /// Peak resident memory before the first fit, in MiB.
    public var dataRSSMiB: Double?
    /// Peak resident memory of the whole child process, in MiB.
    public var peakRSSMiB: Double?
    /// Fits with one thread (ALS `threads` 1, BPR `strata` 1, implicit `num_threads=1`).
    public var threads1: Setting
    /// Fits with two threads.
    public var threads2: Setting
    /// The peer's BLAS libraries; empty for Marquee.
    public var blas: [BLAS]

    /// Creates a measurement.
    public init(library: String, data: DataShape, dataRSSMiB: Double?, peakRSSMiB: Double?,
                threads1: Setting, threads2: Setting, blas: [BLAS] = []) {
        self.library = library
        self.data = data
        self.dataRSSMiB = dataRSSMiB
        self.peakRSSMiB = peakRSSMiB
        self.threads1 = threads1
        self.threads2 = threads2
        self.blas = blas
    }

    /// The fits at `threads` (1 or 2).
    public func setting(threads: Int) -> Setting? {
        switch threads {
        case 1: threads1
        case 2: threads2
        default: nil
        }
    }

    /// Decodes the JSON a child printed.
    /// - Throws: ``PipelineError`` `.externalToolFailed` naming `source` when it is not this shape.
    public static func decode(_ json: Data, source: String) throws -> TopNBenchmarkingSpeed {
        do {
            return try JSONDecoder().decode(TopNBenchmarkingSpeed.self, from: json)
        } catch {
            throw PipelineError(.externalToolFailed, "\(source) did not print a speed report (library, data, "
                                + "threads_1, threads_2, peak_rss_mib) as implicit_speed.py --only does", underlying: error)
        }
    }

    /// This measurement as one line of JSON, for the worker to print.
    public var json: String { jsonLine }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        library = try container.decode(String.self, forKey: .library)
        data = try container.decode(DataShape.self, forKey: .data)
        dataRSSMiB = try container.decodeIfPresent(Double.self, forKey: .dataRSSMiB)
        peakRSSMiB = try container.decodeIfPresent(Double.self, forKey: .peakRSSMiB)
        threads1 = try container.decode(Setting.self, forKey: .threads1)
        threads2 = try container.decode(Setting.self, forKey: .threads2)
        blas = try container.decodeIfPresent([BLAS].self, forKey: .blas) ?? []
    }

    enum CodingKeys: String, CodingKey {
        case library, data, blas
        case dataRSSMiB = "data_rss_mib"
        case peakRSSMiB = "peak_rss_mib"
        case threads1 = "threads_1"
        case threads2 = "threads_2"
    }
}
