import Foundation
import Testing

/// Locates the shared public data sets and the project's committed fixtures for tests.
///
/// Data sets come from `MARQUEE_DATA` (default `../shared/data` beside the project root). A test that
/// needs one declares `.enabled(if: TestData.isAvailable("ml-100k/u.data"), TestData.skipMessage("ml-100k/u.data"))`:
/// outside CI it is skipped with a message naming the file; under `CI=true` it always runs, so a missing
/// file fails it instead of passing silently.
public enum TestData {
    /// The project root, found from this file's path.
    public static let projectRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The folder holding the shared data sets.
    public static var dataDirectory: URL {
        if let path = ProcessInfo.processInfo.environment["MARQUEE_DATA"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return projectRoot.deletingLastPathComponent().appendingPathComponent("shared/data")
    }

    /// Whether the test run is CI's, where every data set must be present.
    public static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// The URL of `relativePath` inside ``dataDirectory``.
    public static func url(_ relativePath: String) -> URL {
        dataDirectory.appendingPathComponent(relativePath)
    }

    /// Whether a data-hungry test should run: the file exists, or we are under CI (where absence must fail).
    public static func isAvailable(_ relativePath: String) -> Bool {
        isCI || FileManager.default.fileExists(atPath: url(relativePath).path)
    }

    /// The skip message naming the missing file and how to provide it.
    public static func skipMessage(_ relativePath: String) -> Comment {
        "skipped: \(url(relativePath).path) not found; set MARQUEE_DATA to the folder holding \(relativePath)"
    }

    /// A committed fixture under `Tests/Fixtures/`.
    public static func fixture(_ relativePath: String) -> URL {
        projectRoot.appendingPathComponent("Tests/Fixtures").appendingPathComponent(relativePath)
    }
}

extension TestData {
    /// The folder holding downloaded models: `MARQUEE_MODELS`, else `<projectRoot>/models` (filled by `scripts/setup`).
    public static var modelDirectory: URL {
        if let path = ProcessInfo.processInfo.environment["MARQUEE_MODELS"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return projectRoot.appendingPathComponent("models")
    }

    /// The URL of `relativePath` inside ``modelDirectory``.
    public static func modelURL(_ relativePath: String) -> URL {
        modelDirectory.appendingPathComponent(relativePath)
    }

    /// Whether a model-hungry test should run: the file exists, or we are under CI (where absence must fail).
    public static func isModelAvailable(_ relativePath: String) -> Bool {
        isCI || FileManager.default.fileExists(atPath: modelURL(relativePath).path)
    }

    /// The skip message naming the missing model file and how to provide it.
    public static func modelSkipMessage(_ relativePath: String) -> Comment {
        "skipped: \(modelURL(relativePath).path) not found; run scripts/setup or set MARQUEE_MODELS"
    }
}
