import RecCore

/// The mutable state of one ``SVDPlusPlus`` training run and its per-user SGD pass.
struct SVDPlusPlusTrainer {
    let matrix: InteractionMatrix
    let factors: Int
    /// The most ratings any one user has: the size of the per-user shuffle buffer.
    let longestRow: Int
    var userBiases: [Float]
    var itemBiases: [Float]
    /// p: users × k.
    var userFactors: [Float]
    /// q: items × k.
    var itemFactors: [Float]
    /// y: items × k.
    var implicitFactors: [Float]

    init(matrix: InteractionMatrix, factors: Int, userFactors: [Float], itemFactors: [Float], implicitFactors: [Float]) {
        self.matrix = matrix
        self.factors = factors
        longestRow = (0..<matrix.users.count).map { matrix.userOffsets[$0 + 1] - matrix.userOffsets[$0] }.max() ?? 0
        userBiases = [Float](repeating: 0, count: matrix.users.count)
        itemBiases = [Float](repeating: 0, count: matrix.items.count)
        self.userFactors = userFactors
        self.itemFactors = itemFactors
        self.implicitFactors = implicitFactors
    }

    /// One epoch: users in `userOrder`, each user's ratings shuffled with `generator`. Returns the summed squared
    /// training error so the caller can detect divergence. Allocates only its scratch buffers, once.
    mutating func runEpoch(userOrder: [Int], configuration: SVDPlusPlusConfiguration,
                           generator: inout SplitMix64) -> Double {
        let k = factors, mean = matrix.globalMean
        let rate = configuration.learningRate, biasLambda = configuration.biasRegularization
        let lambda = configuration.factorRegularization, decay = 1 - rate * lambda
        let positions = UnsafeMutableBufferPointer<Int>.allocate(capacity: longestRow)
        let scratch = UnsafeMutablePointer<Float>.allocate(capacity: 3 * k)
        defer {
            positions.deallocate()
            scratch.deallocate()
        }
        var implicitSum = scratch, nextImplicitSum = scratch + k
        let gradient = scratch + 2 * k
        var squaredError = 0.0
        matrix.userItems.withUnsafeBufferPointer { userItems in
        matrix.userValues.withUnsafeBufferPointer { userValues in
        userBiases.withUnsafeMutableBufferPointer { userBiases in
        itemBiases.withUnsafeMutableBufferPointer { itemBiases in
        userFactors.withUnsafeMutableBufferPointer { userFactors in
        itemFactors.withUnsafeMutableBufferPointer { itemFactors in
        implicitFactors.withUnsafeMutableBufferPointer { implicitFactors in
            let p = userFactors.baseAddress!, q = itemFactors.baseAddress!, y = implicitFactors.baseAddress!
            for u in userOrder {
                let start = matrix.userOffsets[u], count = matrix.userOffsets[u + 1] - start
                guard count > 0 else { continue }
                let normalizer = 1 / Float(count).squareRoot()
                implicitSum.initialize(repeating: 0, count: k)
                gradient.initialize(repeating: 0, count: k)
                for e in start..<(start + count) {
                    VectorKernels.axpy(normalizer, y + Int(userItems[e]) * k, implicitSum, count: k)
                }
                var userPositions = UnsafeMutableBufferPointer(rebasing: positions[0..<count])
                for offset in 0..<count { userPositions[offset] = start + offset }
                userPositions.shuffle(using: &generator)
                let pu = p + u * k
                var totalDecay: Float = 1
                for e in userPositions {
                    let i = Int(userItems[e])
                    let qi = q + i * k
                    let dot = VectorKernels.dot(qi, pu, count: k) + VectorKernels.dot(qi, implicitSum, count: k)
                    let error = userValues[e] - (mean + userBiases[u] + itemBiases[i] + dot)
                    squaredError += Double(error * error)
                    userBiases[u] += rate * (error - biasLambda * userBiases[u])
                    itemBiases[i] += rate * (error - biasLambda * itemBiases[i])
                    // From the old q_i: s' = d·s + rate·err·q_i and g' = d·g + err·q_i.
                    nextImplicitSum.update(from: implicitSum, count: k)
                    VectorKernels.scale(nextImplicitSum, by: decay, count: k)
                    VectorKernels.axpy(rate * error, qi, nextImplicitSum, count: k)
                    VectorKernels.scale(gradient, by: decay, count: k)
                    VectorKernels.axpy(error, qi, gradient, count: k)
                    VectorKernels.sgdStep(pu, qi, shift: implicitSum, error: error, learningRate: rate,
                                          regularization: lambda, count: k)
                    swap(&implicitSum, &nextImplicitSum)
                    totalDecay *= decay
                }
                for e in start..<(start + count) {
                    let yj = y + Int(userItems[e]) * k
                    VectorKernels.scale(yj, by: totalDecay, count: k)
                    VectorKernels.axpy(rate * normalizer, gradient, yj, count: k)
                }
            }
        }}}}}}}
        return squaredError
    }

    /// The trained parameters with each user's vector replaced by p_u + |N(u)|^-½ Σ_{j∈N(u)} y_j.
    /// - Complexity: O(entries × factors).
    func foldedParameters() -> LatentFactors {
        let k = factors
        var folded = userFactors
        folded.withUnsafeMutableBufferPointer { folded in
        implicitFactors.withUnsafeBufferPointer { implicitFactors in
            for u in 0..<matrix.users.count {
                let start = matrix.userOffsets[u], end = matrix.userOffsets[u + 1]
                guard end > start else { continue }
                let normalizer = 1 / Float(end - start).squareRoot()
                for e in start..<end {
                    VectorKernels.axpy(normalizer, implicitFactors.baseAddress! + Int(matrix.userItems[e]) * k,
                                       folded.baseAddress! + u * k, count: k)
                }
            }
        }}
        return LatentFactors(factors: k, biases: BaselineBiases(globalMean: matrix.globalMean, userBiases: userBiases,
                                                                itemBiases: itemBiases),
                             userFactors: folded, itemFactors: itemFactors)
    }
}
