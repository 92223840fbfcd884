import Foundation

/// Where the public data sets live: `--data DIR`, else `MARQUEE_DATA`, else `../shared/data`.
public struct DataLocation: Sendable, Hashable {
    /// The folder holding one sub-folder per data set (`ml-100k`, `ml-latest-small`, …).
    public var directory: URL

    /// Resolves the folder from an explicit path, the environment, or the default.
    /// - Parameters:
    ///   - explicit: the `--data` flag's value, if given.
    ///   - environment: the process environment (injected for tests).
    public init(explicit: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) {
        directory = .configuredFolder(flag: explicit, variable: "MARQUEE_DATA", environment: environment, fallback: "../shared/data")
    }

    /// The folder of data set `name`.
    /// - Throws: ``PipelineError`` with code `dataNotFound` naming the folder and how to point at it.
    public func dataset(_ name: String) throws -> URL {
        let folder = directory.appendingPathComponent(name)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw PipelineError(.dataNotFound,
                                "data set '\(name)' not found at \(folder.path); pass --data DIR or set MARQUEE_DATA to the folder that holds it")
        }
        return folder
    }
}
