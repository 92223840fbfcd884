import RecCore

/// Renders a ``TaskProgress`` as one line of text: `import ratings.dat [#######.......]  52%  52000/100000`.
public struct ProgressBar: Sendable, Hashable {
    /// Number of characters between the brackets.
    public var width: Int

    /// Creates a renderer.
    public init(width: Int = 30) { self.width = width }

    /// The line for `progress` (no line terminator). Without a total it shows the count only.
    public func render(_ progress: TaskProgress) -> String {
        guard let total = progress.total, total > 0 else {
            return "\(progress.phase) \(progress.completed)"
        }
        let fraction = min(1, max(0, Double(progress.completed) / Double(total)))
        let filled = Int((fraction * Double(width)).rounded(.down))
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let percent = String(Int((fraction * 100).rounded(.down)))
        let padded = String(repeating: " ", count: max(0, 3 - percent.count)) + percent
        return "\(progress.phase) [\(bar)] \(padded)%  \(progress.completed)/\(total)"
    }
}
