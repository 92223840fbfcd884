import Foundation
import RecCore

/// The parameters of a BERT encoder, laid out for `MatrixProduct`: every dense weight is stored transposed
/// (input rows × output columns, row-major) and negated, so that `C −= X·(−Wᵀ)` adds `X·Wᵀ` to C exactly, in
/// 64-byte aligned storage (``RecCore/AlignedFloats``) so the kernel's SIMD8 loads of weight rows never straddle
/// cache lines.
struct MiniLMWeights: Sendable {
    /// One transformer layer.
    struct Layer: Sendable {
        /// Query, key and value projections side by side: hidden × 3·hidden, negated.
        var queryKeyValue: AlignedFloats
        var queryKeyValueBias: [Float]
        /// Attention output projection: hidden × hidden, negated.
        var attentionOutput: AlignedFloats
        var attentionOutputBias: [Float]
        var attentionNormScale: [Float]
        var attentionNormShift: [Float]
        /// Feed-forward expansion: hidden × intermediate, negated.
        var intermediate: AlignedFloats
        var intermediateBias: [Float]
        /// Feed-forward contraction: intermediate × hidden, negated.
        var output: AlignedFloats
        var outputBias: [Float]
        var outputNormScale: [Float]
        var outputNormShift: [Float]
    }

    var architecture: BERTArchitecture
    /// vocabulary × hidden.
    var wordEmbeddings: [Float]
    /// maxPositions × hidden.
    var positionEmbeddings: [Float]
    /// Row 0 of the token-type table (every token is of type 0).
    var tokenTypeEmbedding: [Float]
    var embeddingNormScale: [Float]
    var embeddingNormShift: [Float]
    var layers: [Layer]

    /// Reads every tensor of a Hugging Face `BertModel` from `file`, accepting names with or without a `bert.` prefix.
    /// - Throws: `TextError.invalidModel` naming the first tensor that is absent or misshapen.
    /// - Complexity: O(parameters).
    init(file: SafetensorsFile, architecture a: BERTArchitecture) throws {
        let prefix = file.tensors["embeddings.word_embeddings.weight"] == nil
            && file.tensors["bert.embeddings.word_embeddings.weight"] != nil ? "bert." : ""
        func vector(_ name: String, _ count: Int) throws -> [Float] { try file.floats(prefix + name, shape: [count]) }
        /// A PyTorch `Linear` weight (outputs × inputs), transposed and negated.
        func linear(_ name: String, outputs: Int, inputs: Int) throws -> [Float] {
            let w = try file.floats(prefix + name, shape: [outputs, inputs])
            var t = [Float](repeating: 0, count: w.count)
            for o in 0..<outputs {
                for i in 0..<inputs { t[i * outputs + o] = -w[o * inputs + i] }
            }
            return t
        }
        func alignedLinear(_ name: String, outputs: Int, inputs: Int) throws -> AlignedFloats {
            AlignedFloats(try linear(name, outputs: outputs, inputs: inputs))
        }
        let h = a.hiddenSize
        architecture = a
        wordEmbeddings = try file.floats(prefix + "embeddings.word_embeddings.weight", shape: [a.vocabularySize, h])
        positionEmbeddings = try file.floats(prefix + "embeddings.position_embeddings.weight", shape: [a.maxPositions, h])
        let tokenTypes = file.tensors[prefix + "embeddings.token_type_embeddings.weight"]?.shape.first ?? 0
        tokenTypeEmbedding = Array(try file.floats(prefix + "embeddings.token_type_embeddings.weight",
                                                   shape: [tokenTypes, h]).prefix(h))
        embeddingNormScale = try vector("embeddings.LayerNorm.weight", h)
        embeddingNormShift = try vector("embeddings.LayerNorm.bias", h)
        layers = try (0..<a.layers).map { index in
            let p = "encoder.layer.\(index)."
            let q = try linear(p + "attention.self.query.weight", outputs: h, inputs: h)
            let k = try linear(p + "attention.self.key.weight", outputs: h, inputs: h)
            let v = try linear(p + "attention.self.value.weight", outputs: h, inputs: h)
            var qkv = [Float](repeating: 0, count: 3 * h * h)
            for i in 0..<h {
                for j in 0..<h {
                    qkv[i * 3 * h + j] = q[i * h + j]
                    qkv[i * 3 * h + h + j] = k[i * h + j]
                    qkv[i * 3 * h + 2 * h + j] = v[i * h + j]
                }
            }
            return Layer(
                queryKeyValue: AlignedFloats(qkv),
                queryKeyValueBias: try vector(p + "attention.self.query.bias", h)
                    + vector(p + "attention.self.key.bias", h) + vector(p + "attention.self.value.bias", h),
                attentionOutput: try alignedLinear(p + "attention.output.dense.weight", outputs: h, inputs: h),
                attentionOutputBias: try vector(p + "attention.output.dense.bias", h),
                attentionNormScale: try vector(p + "attention.output.LayerNorm.weight", h),
                attentionNormShift: try vector(p + "attention.output.LayerNorm.bias", h),
                intermediate: try alignedLinear(p + "intermediate.dense.weight", outputs: a.intermediateSize, inputs: h),
                intermediateBias: try vector(p + "intermediate.dense.bias", a.intermediateSize),
                output: try alignedLinear(p + "output.dense.weight", outputs: h, inputs: a.intermediateSize),
                outputBias: try vector(p + "output.dense.bias", h),
                outputNormScale: try vector(p + "output.LayerNorm.weight", h),
                outputNormShift: try vector(p + "output.LayerNorm.bias", h))
        }
    }
}
