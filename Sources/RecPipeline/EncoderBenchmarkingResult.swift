/// The outcome of `marquee bench --task encoder`: both sides' speed and memory per thread setting.
public struct EncoderBenchmarkingResult: Sendable {
    /// Texts encoded per repeat.
    public var texts: Int
    /// Timed encodings per child.
    public var repeats: Int
    /// Marquee's measurement per thread setting, in ``EncoderBenchmarking/threadSettings`` order.
    public var marquee: [EncoderSpeed]
    /// sentence-transformers' measurement per thread setting, in the same order.
    public var peer: [EncoderSpeed]
    /// Where it ran.
    public var machine: TopNBenchmarkingResult.Machine

    /// The issue's goal: Marquee's sentences per second at least 1.0× the peer's at each thread setting.
    static let speedGoal = 1.0

    /// Creates a result.
    public init(texts: Int, repeats: Int, marquee: [EncoderSpeed], peer: [EncoderSpeed],
                machine: TopNBenchmarkingResult.Machine) {
        self.texts = texts
        self.repeats = repeats
        self.marquee = marquee
        self.peer = peer
        self.machine = machine
    }

    /// measure | marquee | sentence-transformers | ratio (marquee ÷ peer; above 1 means Marquee is faster) |
    /// goal: sentences per second per thread setting, then peak RSS per thread setting (ratio below 1 means
    /// Marquee is smaller).
    public var table: TextTable {
        var rows: [[String]] = []
        for (ours, theirs) in zip(marquee, peer) {
            let label = "sentences/s, \(ours.threads) thread\(ours.threads > 1 ? "s" : "")"
            guard let a = ours.sentencesPerSecond, let b = theirs.sentencesPerSecond else {
                rows.append([label, "n/a", "n/a", "n/a", ""])
                continue
            }
            let ratio = a / b
            rows.append([label, TextTable.fixed(a, digits: 1), TextTable.fixed(b, digits: 1),
                         TextTable.fixed(ratio, digits: 2) + "×",
                         "≥ " + TextTable.fixed(Self.speedGoal, digits: 1) + "× " + (ratio >= Self.speedGoal ? "met" : "missed")])
        }
        for (ours, theirs) in zip(marquee, peer) {
            let label = "peak RSS MiB, \(ours.threads) thread\(ours.threads > 1 ? "s" : "")"
            guard let a = ours.peakRSSMiB, let b = theirs.peakRSSMiB else {
                rows.append([label, "n/a", "n/a", "n/a", ""])
                continue
            }
            rows.append([label, TextTable.fixed(a, digits: 1), TextTable.fixed(b, digits: 1),
                         TextTable.fixed(a / b, digits: 2) + "×", ""])
        }
        return TextTable(header: ["measure", "marquee", "sentence-transformers", "ratio", "goal"], rows: rows)
    }

    /// The table, then what was run and where.
    public var text: String {
        [
            table.text,
            "data: the first \(texts) non-empty TMDB 5000 overviews; median of \(repeats) encodings per child after a "
                + "32-text warm-up; batch size 32, texts truncated at 256 word pieces on both sides",
            "peer: \(peer.first?.library ?? "sentence-transformers") with torch.set_num_threads(N)",
            "machine: \(machine.cpu), \(machine.processors) processors, load average \(machine.loadAverage) at the end",
            "ratio = marquee ÷ sentence-transformers; each side and thread setting ran in its own process",
        ].joined(separator: "\n")
    }
}
