/// The shape of a BERT encoder as `config.json` states it; the defaults are all-MiniLM-L6-v2's.
public struct BERTArchitecture: Sendable, Codable, Equatable {
    /// Width of every token's hidden state.
    public var hiddenSize: Int
    /// Attention heads per layer; each sees `hiddenSize / attentionHeads` dimensions.
    public var attentionHeads: Int
    /// Transformer layers.
    public var layers: Int
    /// Width of the feed-forward block.
    public var intermediateSize: Int
    /// Rows of the position-embedding table: the longest possible sequence.
    public var maxPositions: Int
    /// Tokens in the vocabulary.
    public var vocabularySize: Int
    /// Epsilon added to the variance in every layer normalisation.
    public var layerNormEpsilon: Float
    /// The feed-forward activation; only `gelu` (the exact erf form) is supported.
    public var hiddenActivation: String

    enum CodingKeys: String, CodingKey {
        case hiddenSize = "hidden_size", attentionHeads = "num_attention_heads", layers = "num_hidden_layers"
        case intermediateSize = "intermediate_size", maxPositions = "max_position_embeddings"
        case vocabularySize = "vocab_size", layerNormEpsilon = "layer_norm_eps", hiddenActivation = "hidden_act"
    }

    /// Creates an architecture; the defaults are all-MiniLM-L6-v2's.
    public init(hiddenSize: Int = 384, attentionHeads: Int = 12, layers: Int = 6, intermediateSize: Int = 1536,
                maxPositions: Int = 512, vocabularySize: Int = 30522, layerNormEpsilon: Float = 1e-12,
                hiddenActivation: String = "gelu") {
        self.hiddenSize = hiddenSize
        self.attentionHeads = attentionHeads
        self.layers = layers
        self.intermediateSize = intermediateSize
        self.maxPositions = maxPositions
        self.vocabularySize = vocabularySize
        self.layerNormEpsilon = layerNormEpsilon
        self.hiddenActivation = hiddenActivation
    }

    /// Dimensions each attention head sees.
    public var headSize: Int { hiddenSize / attentionHeads }
}
