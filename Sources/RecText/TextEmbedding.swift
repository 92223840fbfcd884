/// A text's embedding and what the encoder made of the text: how many word pieces it had, how many the
/// vocabulary could not spell, and whether it was cut to fit the model.
public struct TextEmbedding: Sendable, Hashable {
    /// The unit-length sentence embedding.
    public var vector: [Float]
    /// Word pieces encoded, `[CLS]` and `[SEP]` not counted; 0 for a text with no words (empty, whitespace,
    /// only control characters or invalid bytes).
    public var pieces: Int
    /// Pieces that are `[UNK]`: words the vocabulary cannot spell, such as emoji or unsupported scripts.
    public var unknownPieces: Int
    /// Whether the text had more pieces than ``MiniLMConfiguration/maxSequenceLength`` allows, so its end was
    /// dropped (as sentence-transformers does).
    public var isTruncated: Bool

    /// Creates a text embedding.
    public init(vector: [Float], pieces: Int, unknownPieces: Int, isTruncated: Bool) {
        self.vector = vector
        self.pieces = pieces
        self.unknownPieces = unknownPieces
        self.isTruncated = isTruncated
    }
}
