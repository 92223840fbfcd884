extension LSTMCell {
    /// Back-propagates through time from ∂L/∂h_T (`hiddenGradient`, `hidden` floats) over the sequence of the
    /// last ``forward(_:sequence:length:trace:)`` on `trace`: adds ∂L/∂W and ∂L/∂b into `parameterGradients` and,
    /// when `sequenceGradient` is given, overwrites it with ∂L/∂x_t for every step (row-major like the sequence).
    /// - Complexity: O(length × hidden × (inputs + hidden)), no allocation.
    public func backward(_ parameters: UnsafePointer<Float>, hiddenGradient: UnsafePointer<Float>,
                         trace: inout LSTMTrace, parameterGradients: UnsafeMutablePointer<Float>,
                         sequenceGradient: UnsafeMutablePointer<Float>?) {
        let n = inputs, h = hidden, width = n + h, length = trace.length
        trace.concatenated.withUnsafeBufferPointer { z in
        trace.gates.withUnsafeBufferPointer { gateValues in
        trace.cells.withUnsafeBufferPointer { cells in
        trace.cellActivations.withUnsafeBufferPointer { activations in
        trace.gateGradients.withUnsafeMutableBufferPointer { da in
        trace.concatenatedGradient.withUnsafeMutableBufferPointer { dz in
        trace.hiddenGradient.withUnsafeMutableBufferPointer { dh in
        trace.cellGradient.withUnsafeMutableBufferPointer { dc in
            dh.baseAddress!.update(from: hiddenGradient, count: h)
            dc.baseAddress!.update(repeating: 0, count: h)
            for t in stride(from: length - 1, through: 0, by: -1) {
                let a = gateValues.baseAddress! + t * 4 * h
                let previous = cells.baseAddress! + t * h, tanhCell = activations.baseAddress! + t * h
                for k in 0..<h {
                    let input = a[k], forget = a[h + k], candidate = a[2 * h + k], output = a[3 * h + k]
                    dc[k] += dh[k] * output * (1 - tanhCell[k] * tanhCell[k])
                    da[k] = dc[k] * candidate * input * (1 - input)
                    da[h + k] = dc[k] * previous[k] * forget * (1 - forget)
                    da[2 * h + k] = dc[k] * input * (1 - candidate * candidate)
                    da[3 * h + k] = dh[k] * tanhCell[k] * output * (1 - output)
                    dc[k] *= forget
                }
                gates.backward(parameters, input: z.baseAddress! + t * width, outputGradient: da.baseAddress!,
                               inputGradient: dz.baseAddress!, parameterGradients: parameterGradients)
                if let sequenceGradient { (sequenceGradient + t * n).update(from: dz.baseAddress!, count: n) }
                dh.baseAddress!.update(from: dz.baseAddress! + n, count: h)
            }
        }}}}}}}}
    }
}
