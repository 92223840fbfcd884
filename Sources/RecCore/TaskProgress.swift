/// How far a long-running step (an import, a training run) has got, for progress bars and logs.
public struct TaskProgress: Sendable, Hashable {
    /// What is running, e.g. `"import ratings.dat"`, `"train biased-mf"`.
    public var phase: String
    /// Units done (rows, epochs).
    public var completed: Int
    /// Units in all, when known.
    public var total: Int?

    /// Creates a progress report.
    public init(phase: String, completed: Int, total: Int?) {
        self.phase = phase
        self.completed = completed
        self.total = total
    }
}

/// Receives progress reports; called from whatever task does the work, so it must be thread-safe.
public typealias ProgressHandler = @Sendable (TaskProgress) -> Void
