/// Where in Marquee's source an error was raised, for logs and bug reports.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// Source file path.
    public var file: String
    /// Line in that file.
    public var line: Int

    /// Captures the caller's location by default.
    public init(file: String = #fileID, line: Int = #line) {
        self.file = file
        self.line = line
    }

    public var description: String { "\(file):\(line)" }
}
