import Foundation
import RecText

/// Where downloaded models live: `--models DIR`, else `MARQUEE_MODELS`, else `models` in the working folder
/// (which `scripts/setup` fills).
public struct ModelLocation: Sendable, Hashable {
    /// The folder holding one sub-folder per model (`all-MiniLM-L6-v2`).
    public var directory: URL

    /// Resolves the folder from an explicit path, the environment, or the default.
    /// - Parameters:
    ///   - explicit: the `--models` flag's value, if given.
    ///   - environment: the process environment (injected for tests).
    public init(explicit: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) {
        directory = .configuredFolder(flag: explicit, variable: "MARQUEE_MODELS", environment: environment, fallback: "models")
    }

    /// The sentence encoder all text paths use: all-MiniLM-L6-v2 in ``directory``.
    /// - Throws: `TextError` `.missingModel` / `.invalidModel` naming the file and how to get it.
    /// - Complexity: O(parameters) to load the weights.
    public func sentenceEncoder(configuration: MiniLMConfiguration = MiniLMConfiguration()) throws -> MiniLMEncoder {
        try MiniLMEncoder(directory: directory.appendingPathComponent("all-MiniLM-L6-v2"), configuration: configuration)
    }
}

extension MiniLMEncoder {
    /// The name stored with embeddings, e.g. `"all-MiniLM-L6-v2 max 256"`: vectors are reused only from the same one.
    public var name: String { "all-MiniLM-L6-v2 max \(configuration.maxSequenceLength)" }
}
