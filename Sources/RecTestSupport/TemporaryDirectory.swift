import Foundation

/// A directory of its own under the system's temporary directory, for one test's files.
public enum TemporaryDirectory {
    /// Creates a fresh directory, runs `body` with it and removes it with its contents.
    public static func with<T>(_ body: (URL) async throws -> T) async throws -> T {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("marquee-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        return try await body(directory)
    }
}
