import Foundation
import RecText

/// Where downloaded text models live: `--models DIR`, else `MARQUEE_MODELS`, else `./models` (the folder
/// `scripts/setup` fills).
public struct ModelLocation: Sendable, Hashable {
    /// The folder holding one sub-folder per model (`all-MiniLM-L6-v2`, …).
    public var directory: URL

    /// Resolves the folder from an explicit path, the environment, or the default.
    /// - Parameters:
    ///   - explicit: the `--models` flag's value, if given.
    ///   - environment: the process environment (injected for tests).
    public init(explicit: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) {
        if let explicit, !explicit.isEmpty {
            directory = URL(fileURLWithPath: explicit)
        } else if let fromEnvironment = environment["MARQUEE_MODELS"], !fromEnvironment.isEmpty {
            directory = URL(fileURLWithPath: fromEnvironment)
        } else {
            directory = URL(fileURLWithPath: "models")
        }
    }

    /// The all-MiniLM-L6-v2 sentence encoder.
    /// - Throws: ``RecText/TextError`` naming the missing or damaged file and how to get the model.
    /// - Complexity: O(parameters) to load the weights.
    public func sentenceEncoder() throws -> MiniLMEncoder {
        try MiniLMEncoder(directory: directory.appendingPathComponent("all-MiniLM-L6-v2"))
    }
}
