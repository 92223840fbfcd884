import Foundation
import RecCore

/// The scratch buffers of one worker running ``MiniLMEncoder``'s forward pass, allocated once for the most
/// tokens any of its batches holds and reused for every batch, so the pass allocates nothing per token.
///
/// A batch's sequences are packed row after row (no padding): the dense layers run over all the batch's
/// rows at once through `MatrixProduct`, attention runs over each sequence's own rows.
/// Not `Sendable`: each worker task creates and uses its own.
final class MiniLMWorkspace {
    private let architecture: BERTArchitecture
    private let rowCapacity: Int
    /// rows × hidden: the hidden states.
    private let hidden: UnsafeMutablePointer<Float>
    /// rows × 3·hidden: queries, keys and values.
    private let queryKeyValue: UnsafeMutablePointer<Float>
    /// rows × hidden: attention context.
    private let context: UnsafeMutablePointer<Float>
    /// rows × intermediate: the feed-forward activations.
    private let intermediate: UnsafeMutablePointer<Float>
    /// One row of attention scores.
    private let scores: UnsafeMutablePointer<Float>

    /// Allocates buffers for batches of up to `rows` tokens in all, no sequence longer than `maxLength`.
    init(architecture: BERTArchitecture, rows: Int, maxLength: Int) {
        self.architecture = architecture
        rowCapacity = rows
        // 64-byte aligned, like the weights: rows of 384 and 1,536 Floats then start on cache lines, so no SIMD8
        // access straddles two (plain `allocate` gives 16-byte alignment).
        func aligned(_ count: Int) -> UnsafeMutablePointer<Float> {
            UnsafeMutableRawPointer.allocate(byteCount: count * MemoryLayout<Float>.stride, alignment: 64)
                .bindMemory(to: Float.self, capacity: count)
        }
        hidden = aligned(rows * architecture.hiddenSize)
        queryKeyValue = aligned(rows * 3 * architecture.hiddenSize)
        context = aligned(rows * architecture.hiddenSize)
        intermediate = aligned(rows * architecture.intermediateSize)
        scores = aligned(maxLength)
    }

    deinit {
        hidden.deallocate()
        queryKeyValue.deallocate()
        context.deallocate()
        intermediate.deallocate()
        scores.deallocate()
    }

    /// The mean-pooled, L2-normalised embedding of each token sequence in `batch`.
    /// - Precondition: the batch's tokens fit the workspace and every id is in the vocabulary.
    /// - Complexity: O(tokens × parameters per layer + Σ length² × hidden) per layer.
    func embed(_ batch: [[Int32]], weights: MiniLMWeights) -> [[Float]] {
        let h = architecture.hiddenSize
        let rows = batch.reduce(0) { $0 + $1.count }
        precondition(rows <= rowCapacity, "batch of \(rows) tokens exceeds the workspace's \(rowCapacity)")
        writeEmbeddings(batch, weights: weights)
        layerNormalize(hidden, rows: rows, scale: weights.embeddingNormScale, shift: weights.embeddingNormShift)
        for layer in weights.layers {
            project(hidden, inputs: h, layer.queryKeyValue, layer.queryKeyValueBias, into: queryKeyValue,
                    outputs: 3 * h, rows: rows)
            attend(batch)
            accumulate(context, inputs: h, layer.attentionOutput, layer.attentionOutputBias, into: hidden,
                       outputs: h, rows: rows)
            layerNormalize(hidden, rows: rows, scale: layer.attentionNormScale, shift: layer.attentionNormShift)
            project(hidden, inputs: h, layer.intermediate, layer.intermediateBias, into: intermediate,
                    outputs: architecture.intermediateSize, rows: rows)
            GELU.apply(intermediate, count: rows * architecture.intermediateSize)
            accumulate(intermediate, inputs: architecture.intermediateSize, layer.output, layer.outputBias,
                       into: hidden, outputs: h, rows: rows)
            layerNormalize(hidden, rows: rows, scale: layer.outputNormScale, shift: layer.outputNormShift)
        }
        return pool(batch)
    }

    /// hidden[row] = word[id] + position[p] + tokenType[0] for every token of every sequence.
    private func writeEmbeddings(_ batch: [[Int32]], weights: MiniLMWeights) {
        let h = architecture.hiddenSize
        weights.wordEmbeddings.withUnsafeBufferPointer { word in
            weights.positionEmbeddings.withUnsafeBufferPointer { position in
                weights.tokenTypeEmbedding.withUnsafeBufferPointer { type in
                    var row = 0
                    for sequence in batch {
                        for (p, id) in sequence.enumerated() {
                            let out = hidden + row * h, w = Int(id) * h, q = p * h
                            for d in 0..<h { out[d] = word[w + d] + position[q + d] + type[d] }
                            row += 1
                        }
                    }
                }
            }
        }
    }

    /// `out = input·Wᵀ + bias` over `rows` rows, with W stored transposed and negated.
    private func project(_ input: UnsafeMutablePointer<Float>, inputs: Int, _ weight: AlignedFloats, _ bias: [Float],
                         into out: UnsafeMutablePointer<Float>, outputs: Int, rows: Int) {
        bias.withUnsafeBufferPointer { b in
            for r in 0..<rows { (out + r * outputs).update(from: b.baseAddress!, count: outputs) }
        }
        multiply(input, inputs: inputs, weight, into: out, outputs: outputs, rows: rows)
    }

    /// `residual += input·Wᵀ + bias` over `rows` rows: a dense layer followed by BERT's residual connection.
    private func accumulate(_ input: UnsafeMutablePointer<Float>, inputs: Int, _ weight: AlignedFloats, _ bias: [Float],
                            into residual: UnsafeMutablePointer<Float>, outputs: Int, rows: Int) {
        bias.withUnsafeBufferPointer { b in
            for r in 0..<rows {
                let row = residual + r * outputs
                for j in 0..<outputs { row[j] += b[j] }
            }
        }
        multiply(input, inputs: inputs, weight, into: residual, outputs: outputs, rows: rows)
    }

    /// `out += input·Wᵀ` through `MatrixProduct`, which subtracts: W is stored negated.
    private func multiply(_ input: UnsafeMutablePointer<Float>, inputs: Int, _ weight: AlignedFloats,
                          into out: UnsafeMutablePointer<Float>, outputs: Int, rows: Int) {
        weight.withUnsafeBufferPointer { w in
            MatrixProduct.subtract(input, rowStride: inputs, times: w.baseAddress!, rowStride: outputs,
                                   from: out, rowStride: outputs, rows: rows, columns: outputs, depth: inputs)
        }
    }

    /// Scaled dot-product attention of every head over each sequence's own tokens, into ``context``.
    private func attend(_ batch: [[Int32]]) {
        let h = architecture.hiddenSize, width = 3 * h, d = architecture.headSize
        let scale = 1 / Float(d).squareRoot()
        var offset = 0
        for sequence in batch {
            let length = sequence.count
            for head in 0..<architecture.attentionHeads {
                let queries = queryKeyValue + offset * width + head * d
                let keys = queries + h, values = queries + 2 * h
                for i in 0..<length {
                    for j in 0..<length {
                        scores[j] = VectorKernels.dot(queries + i * width, keys + j * width, count: d) * scale
                    }
                    Softmax.apply(scores, count: length)
                    let out = context + (offset + i) * h + head * d
                    out.update(repeating: 0, count: d)
                    for j in 0..<length { VectorKernels.axpy(scores[j], values + j * width, out, count: d) }
                }
            }
            offset += length
        }
    }

    /// Layer normalisation of each row in place: (x − mean)/√(variance + ε)·scale + shift.
    private func layerNormalize(_ x: UnsafeMutablePointer<Float>, rows: Int, scale: [Float], shift: [Float]) {
        let h = architecture.hiddenSize, epsilon = architecture.layerNormEpsilon
        scale.withUnsafeBufferPointer { g in
            shift.withUnsafeBufferPointer { b in
                for r in 0..<rows {
                    let row = x + r * h
                    var sum: Float = 0
                    for k in 0..<h { sum += row[k] }
                    let mean = sum / Float(h)
                    var squares: Float = 0
                    for k in 0..<h {
                        let c = row[k] - mean
                        squares += c * c
                    }
                    let inverse = 1 / (squares / Float(h) + epsilon).squareRoot()
                    for k in 0..<h { row[k] = (row[k] - mean) * inverse * g[k] + b[k] }
                }
            }
        }
    }

    /// Each sequence's mean hidden state over its tokens, scaled to unit length.
    private func pool(_ batch: [[Int32]]) -> [[Float]] {
        let h = architecture.hiddenSize
        var offset = 0
        return batch.map { sequence in
            var mean = [Float](repeating: 0, count: h)
            mean.withUnsafeMutableBufferPointer { m in
                for r in offset..<(offset + sequence.count) {
                    for k in 0..<h { m[k] += hidden[r * h + k] }
                }
                let norm = VectorKernels.dot(m.baseAddress!, m.baseAddress!, count: h).squareRoot()
                let factor = norm > 0 ? 1 / norm : 0
                for k in 0..<h { m[k] *= factor }
            }
            offset += sequence.count
            return mean
        }
    }
}
