import Foundation

/// Runs another program (the Python reference scripts, a load generator, a browser driver) and collects
/// what it prints, without blocking a thread while it runs: a server in the same process keeps answering.
public enum ExternalCommand {
    /// What a finished program left behind.
    public struct Result: Sendable {
        /// Exit status.
        public var status: Int32
        /// Its standard output.
        public var output: Data
        /// Its standard error, when captured (empty when it passed through to ours).
        public var errors: String
    }

    /// Whether `name` is an executable on PATH (or an existing absolute path).
    public static func isInstalled(_ name: String) -> Bool {
        if name.hasPrefix("/") { return FileManager.default.isExecutableFile(atPath: name) }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(name)") }
    }

    /// Runs `executable arguments…` (looked up on PATH) to completion, whatever its exit status.
    /// - Parameters:
    ///   - unsetting: environment variables the command must not see (the rest of ours is inherited).
    ///   - capturingErrors: keep its standard error in the result instead of passing it through to ours.
    /// - Throws: ``PipelineError`` (`externalToolFailed`) if it cannot start.
    public static func launch(_ executable: String, arguments: [String], unsetting: Set<String> = [],
                              capturingErrors: Bool = true) async throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable] + arguments
        if !unsetting.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.filter { !unsetting.contains($0.key) }
        }
        let directory = FileManager.default.temporaryDirectory
        let outputURL = directory.appendingPathComponent("marquee-\(UUID().uuidString).out")
        let errorURL = directory.appendingPathComponent("marquee-\(UUID().uuidString).err")
        for url in [outputURL, errorURL] { _ = FileManager.default.createFile(atPath: url.path, contents: nil) }
        defer { for url in [outputURL, errorURL] { try? FileManager.default.removeItem(at: url) } }
        let command = ([executable] + arguments).joined(separator: " ")
        do {
            let output = try FileHandle(forWritingTo: outputURL), errors = try FileHandle(forWritingTo: errorURL)
            process.standardOutput = output
            if capturingErrors { process.standardError = errors }
            process.standardInput = FileHandle.nullDevice
            let status: Int32 = try await withCheckedThrowingContinuation { continuation in
                process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
                do { try process.run() } catch { continuation.resume(throwing: error) }
            }
            try output.close()
            try errors.close()
            return Result(status: status, output: try Data(contentsOf: outputURL),
                          errors: String(decoding: try Data(contentsOf: errorURL), as: UTF8.self))
        } catch {
            throw PipelineError(.externalToolFailed, "cannot run `\(command)`", underlying: error)
        }
    }

    /// Runs `executable arguments…` and returns its standard output; its standard error passes through
    /// to ours so the program's own messages stay visible.
    /// - Parameter hint: what to check when the command fails, appended to the error message.
    /// - Throws: ``PipelineError`` (`externalToolFailed`) if it cannot start or exits non-zero.
    static func run(_ executable: String, arguments: [String], unsetting: Set<String> = [],
                    hint: String = "is scikit-surprise installed (pip install -r scripts/requirements.txt)?") async throws -> Data {
        let result = try await launch(executable, arguments: arguments, unsetting: unsetting, capturingErrors: false)
        guard result.status == 0 else {
            throw PipelineError(.externalToolFailed,
                                "`\(([executable] + arguments).joined(separator: " "))` exited with status \(result.status); \(hint)")
        }
        return result.output
    }
}
