import Dispatch
import RecCore

/// One worker's share of a mini-batch, handed to a model's gradient function.
struct NeuralBatch {
    /// The samples to differentiate, a contiguous share of the shuffled batch.
    let samples: ArraySlice<Int32>
    /// Samples in the whole batch: the loss is the batch mean, so each sample's gradient is divided by it.
    let batchSize: Int
    /// The epoch, from 0, for drawing dropout masks reproducibly.
    let epoch: Int
    /// The current parameters, read-only.
    let parameters: UnsafePointer<Float>
    /// This worker's gradient buffer, zeroed before the call; the function adds ∂L/∂θ into it.
    let gradients: UnsafeMutablePointer<Float>
}

/// Squared error and rating count of one share of a batch, for the training curve.
struct BatchLoss: Sendable {
    var squaredError: Double = 0
    var ratings: Int = 0
}

/// The buffers of one mini-batch step that the workers share, as raw pointers valid for that step.
///
/// `@unchecked Sendable` invariant: worker w writes only `gradients[w·count ..< (w+1)·count]` and `losses[w]`, and
/// every worker only reads `parameters`; `concurrentPerform` returns after all workers finish, inside the scope
/// of the `withUnsafe…` calls that produced the pointers. `NeuralMFTests.sameSeedGivesTheSameModel` checks the
/// results do not depend on scheduling.
private struct StepBuffers: @unchecked Sendable {
    let parameters: UnsafePointer<Float>
    let gradients: UnsafeMutablePointer<Float>
    let losses: UnsafeMutablePointer<BatchLoss>
}

/// The training loop every neural rating model shares: seeded shuffles, mini-batches whose gradient is computed
/// by `threads` workers in parallel (data parallelism) and summed in worker order, Adam steps, a finite-loss check,
/// and early stopping on the model's validation RMSE keeping the best epoch's parameters.
struct NeuralTrainer {
    let configuration: NeuralTrainingConfiguration
    /// The model's name for errors and progress, e.g. `"neural-mf"`.
    let name: String

    /// Trains `initial` on `samples` (ids the model's `gradient` understands) and returns the parameters kept and
    /// the history.
    /// - Parameters:
    ///   - gradient: adds the batch-mean loss gradient of a share of a batch into its buffer; returns its loss.
    ///   - validationRMSE: the model's RMSE on its held-out ratings under the given parameters, or `nil` when
    ///     validation is off.
    ///   - penalty: an L2 term (weight/2)·‖θ‖² per batch over the parameters in `ranges`, added to the summed
    ///     gradient before each Adam step (coupled, unlike Adam's decoupled weight decay).
    /// - Throws: `AlgorithmError` `.invalidConfiguration` when the loss or the parameters stop being finite.
    /// - Complexity: O(epochs × (cost of all samples' gradients / threads + batches × parameters)).
    func train(initial: [Float], samples: [Int32], gradient: @escaping @Sendable (NeuralBatch) -> BatchLoss,
               validationRMSE: (([Float]) -> Float)?, penalty: (ranges: [Range<Int>], weight: Float)? = nil,
               progress: ProgressHandler?)
        throws -> (parameters: [Float], history: NeuralTrainingHistory) {
        var parameters = initial
        let count = parameters.count, threads = configuration.threads
        var adam = Adam(parameterCount: count, configuration: configuration.optimizer)
        var generator = SplitMix64(seed: configuration.seed, mixing: [1])
        var order = samples
        var shards = [Float](repeating: 0, count: threads * count)
        var summed = [Float](repeating: 0, count: count)
        var losses = [BatchLoss](repeating: BatchLoss(), count: threads)
        var history = NeuralTrainingHistory()
        var best: (epoch: Int, rmse: Float, parameters: [Float])?
        for epoch in 0..<configuration.epochs {
            order.shuffle(using: &generator)
            var epochLoss = BatchLoss()
            var start = 0
            while start < order.count {
                let batch = order[start..<min(start + configuration.batchSize, order.count)]
                start = batch.endIndex
                parameters.withUnsafeBufferPointer { p in
                shards.withUnsafeMutableBufferPointer { g in
                losses.withUnsafeMutableBufferPointer { l in
                    g.update(repeating: 0)
                    let buffers = StepBuffers(parameters: p.baseAddress!, gradients: g.baseAddress!, losses: l.baseAddress!)
                    let work = { @Sendable (worker: Int) in
                        let lower = batch.startIndex + batch.count * worker / threads
                        let upper = batch.startIndex + batch.count * (worker + 1) / threads
                        buffers.losses[worker] = gradient(NeuralBatch(
                            samples: batch[lower..<upper], batchSize: batch.count, epoch: epoch,
                            parameters: buffers.parameters, gradients: buffers.gradients + worker * count))
                    }
                    if threads == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: threads, execute: work) }
                }}}
                shards.withUnsafeBufferPointer { g in
                    summed.withUnsafeMutableBufferPointer { s in
                        s.baseAddress!.update(from: g.baseAddress!, count: count)
                        for worker in 1..<threads {
                            VectorKernels.axpy(1, g.baseAddress! + worker * count, s.baseAddress!, count: count)
                        }
                    }
                }
                if let penalty, penalty.weight > 0 {
                    parameters.withUnsafeBufferPointer { p in
                        summed.withUnsafeMutableBufferPointer { s in
                            for range in penalty.ranges {
                                VectorKernels.axpy(penalty.weight, p.baseAddress! + range.lowerBound,
                                                   s.baseAddress! + range.lowerBound, count: range.count)
                            }
                        }
                    }
                }
                for loss in losses {
                    epochLoss.squaredError += loss.squaredError
                    epochLoss.ratings += loss.ratings
                }
                adam.step(&parameters, gradients: summed)
            }
            let trainingRMSE = Float((epochLoss.squaredError / Double(max(1, epochLoss.ratings))).squareRoot())
            guard trainingRMSE.isFinite, parameters.allSatisfy(\.isFinite) else {
                throw AlgorithmError(.invalidConfiguration, "\(name) diverged in epoch \(epoch + 1): the training error "
                                     + "is not finite; lower training.optimizer.learningRate "
                                     + "(now \(configuration.optimizer.learningRate))")
            }
            history.trainingRMSEs.append(trainingRMSE)
            progress?(TaskProgress(phase: "train \(name)", completed: epoch + 1, total: configuration.epochs))
            guard let validationRMSE else { continue }
            let rmse = validationRMSE(parameters)
            history.validationRMSEs.append(rmse)
            if let kept = best, !(rmse < kept.rmse) {
                if epoch + 1 - kept.epoch >= configuration.patience { break }
            } else {
                best = (epoch + 1, rmse, parameters)
            }
        }
        history.bestEpoch = best?.epoch
        return (best?.parameters ?? parameters, history)
    }

    /// Splits entry indices 0..<`count` into training and validation by `validationFraction`, with the
    /// configuration's seed: the validation share is a seeded random sample.
    func split(entries count: Int) -> (training: [Int32], validation: [Int32]) {
        var order = [Int32](0..<Int32(count))
        let heldOut = Int(Double(configuration.validationFraction) * Double(count))
        guard heldOut > 0 else { return (order, []) }
        var generator = SplitMix64(seed: configuration.seed, mixing: [2])
        order.shuffle(using: &generator)
        return (Array(order[heldOut...]), Array(order[..<heldOut]))
    }
}
