import Dispatch
import RecCore

/// One training rating as the trainer visits it: user slot, item slot and value side by side, so a shuffled pass
/// reads one 12-byte record per rating instead of gathering from three arrays.
struct RatingEntry: Sendable, Equatable {
    var user: Int32
    var item: Int32
    var value: Float
}

/// How DSGD splits `rows` users (or items) into `threads` blocks and where it stores each row.
///
/// Row r is in block r mod `threads`, which balances the blocks' rating counts without looking at them. In the
/// trainer's parameter arrays each block's rows are stored contiguously, at slot
/// (r mod `threads`)·`rowsPerBlock` + r div `threads`: with rows interleaved, neighbouring biases and the ends of
/// neighbouring factor rows would share cache lines written by different workers (false sharing).
struct BlockLayout: Sendable {
    let threads: Int
    let rowsPerBlock: Int

    init(rows: Int, threads: Int) {
        self.threads = threads
        rowsPerBlock = (rows + threads - 1) / threads
    }

    /// Slots in the parameter arrays, counting the unused ones at the end of short blocks.
    var slots: Int { threads * rowsPerBlock }
    func block(of row: Int) -> Int { row % threads }
    func slot(of row: Int) -> Int { row % threads * rowsPerBlock + row / threads }
}

/// Training ratings split into `threads` × `threads` DSGD blocks (Gemulla et al. 2011), each stored contiguously
/// with user and item slots (see ``BlockLayout``), each with its own generator for its per-epoch shuffle.
///
/// User u is in user block u mod `threads` and item i in item block i mod `threads`; block `b·threads + c`
/// holds the ratings of user block b and item block c. Stratum s is the blocks (b, (b + s) mod `threads`) for
/// every b: no two of them share a user block or an item block, so they touch disjoint rows of every
/// parameter array and can be trained at the same time.
struct RatingBlocks: Sendable {
    let threads: Int
    /// All blocks back to back; block b is `entries[offsets[b] ..< offsets[b + 1]]`.
    var entries: [RatingEntry]
    let offsets: [Int]
    /// One generator per block, so a block's visiting order depends only on the seed, never on which
    /// worker ran it or when.
    var generators: [SplitMix64]

    /// Groups the listed entries of `matrix` by block, keeping their order within a block.
    init(_ matrix: InteractionMatrix, entries listed: [Int32], users: BlockLayout, items: BlockLayout,
         generator: inout SplitMix64) {
        let threads = users.threads
        self.threads = threads
        let blockCount = threads * threads
        func block(_ e: Int) -> Int {
            users.block(of: Int(matrix.entryUsers[e])) * threads + items.block(of: Int(matrix.entryItems[e]))
        }
        var offsets = [Int](repeating: 0, count: blockCount + 1)
        for entry in listed { offsets[block(Int(entry)) + 1] += 1 }
        for b in 0..<blockCount { offsets[b + 1] += offsets[b] }
        var next = offsets
        var entries = [RatingEntry](repeating: RatingEntry(user: 0, item: 0, value: 0), count: listed.count)
        for entry in listed {
            let e = Int(entry), b = block(e)
            entries[next[b]] = RatingEntry(user: Int32(users.slot(of: Int(matrix.entryUsers[e]))),
                                           item: Int32(items.slot(of: Int(matrix.entryItems[e]))),
                                           value: matrix.entryValues[e])
            next[b] += 1
        }
        self.entries = entries
        self.offsets = offsets
        generators = (0..<blockCount).map { _ in SplitMix64(seed: generator.next()) }
    }

    /// The block indices of stratum `stratum`, one per user block.
    func stratum(_ stratum: Int) -> [Int] {
        (0..<threads).map { userBlock in userBlock * threads + (userBlock + stratum) % threads }
    }
}

/// The buffers one DSGD epoch's workers share, as raw pointers valid for that epoch.
///
/// `@unchecked Sendable` invariant: the workers running at the same time train the blocks of one stratum, which
/// hold disjoint user blocks and disjoint item blocks (see ``RatingBlocks``). So worker b writes only its own
/// block's entries, generator and error slot and the bias and factor rows of its own users and items: no element
/// is written by one worker and read or written by another, and `concurrentPerform` returns only after every
/// worker is done, before the pointers' scope ends. `RatingBlocksTests` checks the disjointness;
/// `BiasedMFTests.sameSeedGivesBitwiseTheSameModel` checks that results do not depend on scheduling.
private struct EpochBuffers: @unchecked Sendable {
    let entries: UnsafeMutableBufferPointer<RatingEntry>
    let generators: UnsafeMutablePointer<SplitMix64>
    let squaredErrors: UnsafeMutablePointer<Double>
    let userBiases: UnsafeMutablePointer<Float>
    let itemBiases: UnsafeMutablePointer<Float>
    let userFactors: UnsafeMutablePointer<Float>
    let itemFactors: UnsafeMutablePointer<Float>
}

/// The parameters BiasedMF updates in place while training, in the slot order of ``BlockLayout``. Factor rows
/// are padded with zeros to `stride`,
/// a multiple of 8, so the kernels run whole SIMD8 lanes with no scalar tail; SGD keeps the padding at zero
/// (0·decay + gain·0), so it never changes a dot product.
struct SGDState {
    let factors: Int
    let stride: Int
    let users: BlockLayout
    let items: BlockLayout
    /// Indexed by user slot.
    var userBiases: [Float]
    /// Indexed by item slot.
    var itemBiases: [Float]
    /// `users.slots` rows of `stride` values, 64-byte aligned so no SIMD8 access straddles cache lines.
    var userFactors: AlignedFloats
    /// `items.slots` rows of `stride` values, aligned likewise.
    var itemFactors: AlignedFloats

    /// Zero biases and N(0, `standardDeviation`²) factors, drawn from `generator` in row order, users first.
    init(users: BlockLayout, userCount: Int, items: BlockLayout, itemCount: Int, factors k: Int,
         standardDeviation: Float, generator: inout SplitMix64) {
        factors = k
        let stride = (k + 7) / 8 * 8
        self.stride = stride
        self.users = users
        self.items = items
        userBiases = [Float](repeating: 0, count: users.slots)
        itemBiases = [Float](repeating: 0, count: items.slots)
        func placed(_ values: [Float], rows: Int, layout: BlockLayout) -> AlignedFloats {
            var result = AlignedFloats(repeating: 0, count: layout.slots * stride)
            result.withUnsafeMutableBufferPointer { result in
                values.withUnsafeBufferPointer { values in
                    for row in 0..<rows {
                        (result.baseAddress! + layout.slot(of: row) * stride)
                            .update(from: values.baseAddress! + row * k, count: k)
                    }
                }
            }
            return result
        }
        userFactors = placed(generator.gaussians(count: userCount * k, standardDeviation: standardDeviation),
                             rows: userCount, layout: users)
        itemFactors = placed(generator.gaussians(count: itemCount * k, standardDeviation: standardDeviation),
                             rows: itemCount, layout: items)
    }

    /// The trained state in row order, without the padding.
    func latentFactors(globalMean: Float, userCount: Int, itemCount: Int) -> LatentFactors {
        let k = factors, stride = stride
        func rows(_ values: AlignedFloats, count: Int, layout: BlockLayout) -> [Float] {
            [Float](unsafeUninitializedCapacity: count * k) { result, initialized in
                values.withUnsafeBufferPointer { values in
                    for row in 0..<count {
                        (result.baseAddress! + row * k)
                            .initialize(from: values.baseAddress! + layout.slot(of: row) * stride, count: k)
                    }
                }
                initialized = count * k
            }
        }
        let biases = BaselineBiases(globalMean: globalMean,
                                    userBiases: (0..<userCount).map { userBiases[users.slot(of: $0)] },
                                    itemBiases: (0..<itemCount).map { itemBiases[items.slot(of: $0)] })
        return LatentFactors(factors: k, biases: biases, userFactors: rows(userFactors, count: userCount, layout: users),
                             itemFactors: rows(itemFactors, count: itemCount, layout: items))
    }

    /// One DSGD epoch: for each stratum in turn, every block of the stratum is shuffled with its own generator
    /// and trained by SGD, the blocks in parallel (one worker each). Returns the summed squared training error
    /// (before each update) so callers can detect divergence; per-block sums are added in block order, so the
    /// total does not depend on scheduling either.
    ///
    /// `fit` is synchronous, so the workers come from `DispatchQueue.concurrentPerform` rather than a task
    /// group: it returns only once every block of the stratum is done, so no work outlives the call and the
    /// strata run strictly one after another, which is the ordering DSGD needs.
    mutating func runEpoch(_ blocks: inout RatingBlocks, globalMean: Float, learningRate: Float,
                           biasRegularization: Float, factorRegularization: Float) -> Double {
        let threads = blocks.threads, offsets = blocks.offsets, stride = stride
        var squaredErrors = [Double](repeating: 0, count: threads * threads)
        let strata = (0..<threads).map { blocks.stratum($0) }
        blocks.entries.withUnsafeMutableBufferPointer { entries in
        blocks.generators.withUnsafeMutableBufferPointer { generators in
        squaredErrors.withUnsafeMutableBufferPointer { squaredErrors in
        userBiases.withUnsafeMutableBufferPointer { userBiases in
        itemBiases.withUnsafeMutableBufferPointer { itemBiases in
        userFactors.withUnsafeMutableBufferPointer { userFactors in
        itemFactors.withUnsafeMutableBufferPointer { itemFactors in
            let buffers = EpochBuffers(entries: entries, generators: generators.baseAddress!,
                                       squaredErrors: squaredErrors.baseAddress!, userBiases: userBiases.baseAddress!,
                                       itemBiases: itemBiases.baseAddress!, userFactors: userFactors.baseAddress!,
                                       itemFactors: itemFactors.baseAddress!)
            for blocksOfStratum in strata {
                let train = { @Sendable (worker: Int) in
                    let block = blocksOfStratum[worker]
                    var slice = UnsafeMutableBufferPointer(rebasing: buffers.entries[offsets[block]..<offsets[block + 1]])
                    slice.shuffle(using: &buffers.generators[block])
                    buffers.squaredErrors[block] = Self.train(
                        slice, globalMean: globalMean, userBiases: buffers.userBiases, itemBiases: buffers.itemBiases,
                        userFactors: buffers.userFactors, itemFactors: buffers.itemFactors, stride: stride,
                        learningRate: learningRate, biasRegularization: biasRegularization,
                        factorRegularization: factorRegularization)
                }
                if threads == 1 { train(0) } else { DispatchQueue.concurrentPerform(iterations: threads, execute: train) }
            }
        }}}}}}}
        return squaredErrors.reduce(0, +)
    }

    /// SGD over `entries` in order, as Surprise's `SVD.sgd` does for one rating:
    /// err = r − r̂; b_u += lr(err − λ_b b_u); b_i likewise; p_u and q_i by the fused factor step (which
    /// needs only err, so it runs first and computes it).
    private static func train(_ entries: UnsafeMutableBufferPointer<RatingEntry>, globalMean: Float,
                              userBiases: UnsafeMutablePointer<Float>, itemBiases: UnsafeMutablePointer<Float>,
                              userFactors: UnsafeMutablePointer<Float>, itemFactors: UnsafeMutablePointer<Float>,
                              stride: Int, learningRate: Float, biasRegularization: Float,
                              factorRegularization: Float) -> Double {
        var squaredError = 0.0
        for entry in entries {
            let u = Int(entry.user), i = Int(entry.item)
            let error = VectorKernels.paddedSGDStep(
                userFactors + u &* stride, itemFactors + i &* stride,
                residual: entry.value - (globalMean + userBiases[u] + itemBiases[i]), learningRate: learningRate,
                regularization: factorRegularization, count: stride)
            squaredError += Double(error * error)
            userBiases[u] += learningRate * (error - biasRegularization * userBiases[u])
            itemBiases[i] += learningRate * (error - biasRegularization * itemBiases[i])
        }
        return squaredError
    }

    /// RMSE of the clipped predictions on the entries listed in `entries`.
    func rootMeanSquaredError(of entries: [Int32], matrix: InteractionMatrix) -> Float {
        let mean = matrix.globalMean
        var sum = 0.0
        userFactors.withUnsafeBufferPointer { userFactors in
        itemFactors.withUnsafeBufferPointer { itemFactors in
            for entry in entries {
                let e = Int(entry)
                let u = users.slot(of: Int(matrix.entryUsers[e])), i = items.slot(of: Int(matrix.entryItems[e]))
                let dot = VectorKernels.dot(userFactors.baseAddress! + u * stride, itemFactors.baseAddress! + i * stride,
                                            count: stride)
                let error = matrix.scale.clip(mean + userBiases[u] + itemBiases[i] + dot) - matrix.entryValues[e]
                sum += Double(error * error)
            }
        }}
        return Float((sum / Double(entries.count)).squareRoot())
    }
}
