import Foundation
import RecTestSupport

/// Runs the built `marquee` binary and captures what it printed, like argument-parser's
/// `AssertExecuteCommand` (which is not a public product).
struct MarqueeProcess {
    /// What one run printed and how it ended.
    struct Result {
        var standardOutput: String
        var standardError: String
        var exitCode: Int32
    }

    /// The `marquee` executable beside the test bundle (`swift test` builds every product first).
    static var executable: URL {
        let testBundle = URL(fileURLWithPath: CommandLine.arguments[0])
        var directory = testBundle.deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("marquee")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return TestData.projectRoot.appendingPathComponent(".build/release/marquee")
    }

    /// Runs `marquee arguments…` in `directory` with extra environment variables and waits for it.
    ///
    /// The test run's `MARQUEE_DATABASE_URL` (set by `CI=true scripts/test` for the PostgreSQL tests) is not
    /// passed on, so a command without `--database` uses `marquee.sqlite` in `directory` as documented; a
    /// test that wants PostgreSQL passes `--database` or sets the variable in `environment`.
    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        process.environment = childEnvironment(environment)
        // Output goes to files rather than pipes, so a chatty child can never block on a full pipe.
        let captures = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: captures) }
        let outputURL = captures.appendingPathComponent("stdout"), errorURL = captures.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
        let output = try FileHandle(forWritingTo: outputURL), error = try FileHandle(forWritingTo: errorURL)
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try output.close()
        try error.close()
        return Result(standardOutput: try String(contentsOf: outputURL, encoding: .utf8),
                      standardError: try String(contentsOf: errorURL, encoding: .utf8),
                      exitCode: process.terminationStatus)
    }

    /// The environment of a child `marquee`: this process's without `MARQUEE_DATABASE_URL` (so children use the
    /// SQLite default), plus `extra`.
    static func childEnvironment(_ extra: [String: String] = [:]) -> [String: String] {
        ProcessInfo.processInfo.environment.filter { $0.key != "MARQUEE_DATABASE_URL" }.merging(extra) { $1 }
    }

    /// Starts `marquee arguments…` in `directory` and sends it SIGKILL after `delay` unless it ended before.
    /// - Returns: whether the kill landed (the process was still running).
    static func runKilled(_ arguments: [String], in directory: URL, after delay: Duration) async throws -> Bool {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = childEnvironment()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = ContinuousClock.now + delay
        while process.isRunning, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
        let killed = process.isRunning
        if killed { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return killed && process.terminationReason == .uncaughtSignal
    }

    /// A fresh empty temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("marquee-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
