import Foundation

/// Options of ``MiniLMEncoder``.
public struct MiniLMConfiguration: Sendable, Codable, Equatable {
    /// Tokens per text, `[CLS]` and `[SEP]` included; longer texts are truncated. sentence-transformers uses 256
    /// for all-MiniLM-L6-v2; at most the model's position count (512).
    public var maxSequenceLength: Int
    /// Texts per forward pass. Texts are sorted by length before batching, so a batch needs no padding.
    public var batchSize: Int
    /// Batches run concurrently, one worker each.
    public var threads: Int

    /// Creates a configuration; the defaults match sentence-transformers and use every core.
    public init(maxSequenceLength: Int = 256, batchSize: Int = 32,
                threads: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.maxSequenceLength = maxSequenceLength
        self.batchSize = batchSize
        self.threads = threads
    }
}
