import Foundation

/// Sentence embeddings from all-MiniLM-L6-v2 (or any BERT encoder of that layout), computed in Swift: the
/// output of sentence-transformers' `SentenceTransformer("all-MiniLM-L6-v2").encode` to within float rounding.
///
/// Each text is tokenized by ``WordPieceTokenizer``, run through the BERT encoder (embeddings, layer norm,
/// then per layer self-attention and a GELU feed-forward block, each with a residual connection and layer
/// norm), mean-pooled over its tokens and scaled to unit length.
///
/// ```swift
/// let encoder = try MiniLMEncoder(directory: URL(fileURLWithPath: "models/all-MiniLM-L6-v2"))
/// let vectors = try await encoder.embed(["A heist in space.", "Two friends rob a bank."])
/// ```
public struct MiniLMEncoder: Sendable {
    /// The options the encoder was loaded with.
    public let configuration: MiniLMConfiguration
    /// The encoder's shape, from `config.json`.
    public let architecture: BERTArchitecture
    /// The tokenizer reading `vocab.txt`.
    public let tokenizer: WordPieceTokenizer
    /// The weights, laid out for the forward pass.
    let weights: MiniLMWeights

    /// Length of every embedding (384 for all-MiniLM-L6-v2).
    public var dimension: Int { architecture.hiddenSize }

    /// Loads the model in `directory`: `model.safetensors` (memory-mapped), `vocab.txt` and, when present,
    /// `config.json` (else all-MiniLM-L6-v2's shape is assumed).
    /// - Throws: `TextError.missingModel` when the folder or a required file is absent; `.invalidModel` when a
    ///   file is truncated or corrupt, a tensor is missing or misshapen, or the configuration is unusable. Each
    ///   message names the file and says to run `scripts/setup` or set `MARQUEE_MODELS`.
    /// - Complexity: O(parameters): the weights are copied once out of the mapped file.
    public init(directory: URL, configuration: MiniLMConfiguration = MiniLMConfiguration()) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw TextError.missingModel(directory.path)
        }
        let configURL = directory.appendingPathComponent("config.json")
        var architecture = BERTArchitecture()
        if FileManager.default.fileExists(atPath: configURL.path) {
            do {
                architecture = try JSONDecoder().decode(BERTArchitecture.self, from: Data(contentsOf: configURL))
            } catch {
                throw TextError.invalidModel(configURL.path, "not a BERT config.json", underlying: error)
            }
        }
        guard architecture.hiddenActivation == "gelu", architecture.attentionHeads > 0,
              architecture.hiddenSize % architecture.attentionHeads == 0 else {
            throw TextError.invalidModel(configURL.path, "expected hidden_act \"gelu\" and hidden_size divisible by "
                + "num_attention_heads; got \(architecture.hiddenActivation), \(architecture.hiddenSize), \(architecture.attentionHeads)")
        }
        guard configuration.maxSequenceLength >= 2, configuration.maxSequenceLength <= architecture.maxPositions,
              configuration.batchSize > 0, configuration.threads > 0,
              configuration.maxBatchTokens >= configuration.maxSequenceLength else {
            throw TextError(.invalidConfiguration, "MiniLMConfiguration: expected maxSequenceLength in 2...\(architecture.maxPositions), "
                + "batchSize and threads ≥ 1, maxBatchTokens ≥ maxSequenceLength; got \(configuration.maxSequenceLength), "
                + "\(configuration.batchSize), \(configuration.threads), \(configuration.maxBatchTokens)")
        }
        let tokenizer = try WordPieceTokenizer(vocabularyFile: directory.appendingPathComponent("vocab.txt"))
        guard tokenizer.vocabularySize <= architecture.vocabularySize else {
            throw TextError.invalidModel(directory.appendingPathComponent("vocab.txt").path,
                "\(tokenizer.vocabularySize) tokens; the model has \(architecture.vocabularySize) embeddings")
        }
        let file = try SafetensorsFile(contentsOf: directory.appendingPathComponent("model.safetensors"))
        self.weights = try MiniLMWeights(file: file, architecture: architecture)
        self.architecture = architecture
        self.tokenizer = tokenizer
        self.configuration = configuration
    }

    /// The embedding of each text, in order: unit-length vectors of ``dimension`` floats.
    ///
    /// Texts are tokenized, sorted by token count and cut into batches of at most
    /// ``MiniLMConfiguration/batchSize`` texts and ``MiniLMConfiguration/maxBatchTokens`` tokens;
    /// ``MiniLMConfiguration/threads`` workers run the batches, each with scratch buffers allocated
    /// once, and a batch packs its sequences without padding. A text longer than
    /// ``MiniLMConfiguration/maxSequenceLength`` tokens is truncated; ``encode(_:)`` says which were.
    /// - Throws: `CancellationError` when the task is cancelled (checked between batches).
    /// - Complexity: O(tokens × parameters per token + Σ length² × hidden) over the texts.
    public func embed(_ texts: [String]) async throws -> [[Float]] {
        try await encode(texts).map(\.vector)
    }

    /// The embedding of each text, in order, with its piece counts and whether it was truncated; see ``embed(_:)``.
    /// - Throws: `CancellationError` when the task is cancelled (checked between batches).
    /// - Complexity: as ``embed(_:)``.
    public func encode(_ texts: [String]) async throws -> [TextEmbedding] {
        let tokenized = texts.map { tokenizer.tokenize($0, maxLength: configuration.maxSequenceLength) }
        let sequences = tokenized.map(\.ids)
        let vectors = try await embed(sequences: sequences)
        return zip(tokenized, vectors).map { tokens, vector in
            TextEmbedding(vector: vector, pieces: tokens.ids.count - 2,
                          unknownPieces: tokens.ids.dropFirst().dropLast().count(where: { $0 == tokenizer.unknownID }),
                          isTruncated: tokens.isTruncated)
        }
    }

    /// Runs the encoder on token sequences (each starting with `[CLS]` and ending with `[SEP]`).
    private func embed(sequences: [[Int32]]) async throws -> [[Float]] {
        let order = sequences.indices.sorted { sequences[$0].count > sequences[$1].count }
        var batches: [[Int]] = []
        var tokens = 0
        for index in order {
            let count = sequences[index].count
            if batches.isEmpty || batches[batches.count - 1].count == configuration.batchSize
                || tokens + count > configuration.maxBatchTokens {
                batches.append([])
                tokens = 0
            }
            batches[batches.count - 1].append(index)
            tokens += count
        }
        let workers = min(configuration.threads, batches.count)
        var embeddings = [[Float]](repeating: [], count: sequences.count)
        try await withThrowingTaskGroup(of: [(Int, [Float])].self) { group in
            for worker in 0..<workers {
                let mine = stride(from: worker, to: batches.count, by: workers).map { batches[$0] }
                group.addTask { [weights, architecture, configuration] in
                    let rows = mine.map { $0.reduce(0) { $0 + sequences[$1].count } }.max() ?? 0
                    let workspace = MiniLMWorkspace(architecture: architecture, rows: rows,
                                                    maxLength: configuration.maxSequenceLength)
                    var results: [(Int, [Float])] = []
                    results.reserveCapacity(mine.reduce(0) { $0 + $1.count })
                    for batch in mine {
                        try Task.checkCancellation()
                        let vectors = workspace.embed(batch.map { sequences[$0] }, weights: weights)
                        results.append(contentsOf: zip(batch, vectors))
                    }
                    return results
                }
            }
            for try await results in group {
                for (index, vector) in results { embeddings[index] = vector }
            }
        }
        return embeddings
    }
}
