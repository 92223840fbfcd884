import Foundation

/// Runs a peer program (the Python reference scripts) and collects what it prints.
enum ExternalCommand {
    /// Runs `executable arguments…` (looked up on PATH), waits, and returns its standard output.
    /// Standard error passes through to ours so the peer's own messages stay visible.
    /// - Parameters:
    ///   - unsetting: environment variables the command must not see (the rest of ours is inherited).
    ///   - hint: what to check when the command fails, appended to the error message.
    /// - Throws: ``PipelineError`` (`externalToolFailed`) if it cannot start or exits non-zero.
    static func run(_ executable: String, arguments: [String], unsetting: Set<String> = [],
                    hint: String = "is scikit-surprise installed (pip install -r scripts/requirements.txt)?") throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable] + arguments
        if !unsetting.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.filter { !unsetting.contains($0.key) }
        }
        let captured = FileManager.default.temporaryDirectory.appendingPathComponent("marquee-\(UUID().uuidString).out")
        _ = FileManager.default.createFile(atPath: captured.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: captured) }
        let command = ([executable] + arguments).joined(separator: " ")
        do {
            let output = try FileHandle(forWritingTo: captured)
            process.standardOutput = output
            process.standardInput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            try output.close()
        } catch {
            throw PipelineError(.externalToolFailed, "cannot run `\(command)`", underlying: error)
        }
        guard process.terminationStatus == 0 else {
            throw PipelineError(.externalToolFailed,
                                "`\(command)` exited with status \(process.terminationStatus); \(hint)")
        }
        return try Data(contentsOf: captured)
    }
}
