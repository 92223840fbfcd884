import Foundation

/// Options of ``MiniLMEncoder``.
public struct MiniLMConfiguration: Sendable, Codable, Equatable {
    /// Tokens per text, `[CLS]` and `[SEP]` included; longer texts are truncated. sentence-transformers uses 256
    /// for all-MiniLM-L6-v2; at most the model's position count (512).
    public var maxSequenceLength: Int
    /// Most texts per forward pass. Texts are sorted by length before batching, and a batch packs its texts
    /// without padding.
    public var batchSize: Int
    /// Most tokens per forward pass, which bounds each worker's scratch memory (about 14 KiB per token for
    /// all-MiniLM-L6-v2); at least ``maxSequenceLength``.
    public var maxBatchTokens: Int
    /// Batches run concurrently, one worker each.
    public var threads: Int

    /// Creates a configuration; the defaults match sentence-transformers and use every core.
    public init(maxSequenceLength: Int = 256, batchSize: Int = 32, maxBatchTokens: Int = 2048,
                threads: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.maxSequenceLength = maxSequenceLength
        self.batchSize = batchSize
        self.maxBatchTokens = maxBatchTokens
        self.threads = threads
    }
}
