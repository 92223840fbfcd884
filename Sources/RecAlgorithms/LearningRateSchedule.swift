/// How an SGD learning rate changes from epoch to epoch.
public enum LearningRateSchedule: Sendable, Codable, Equatable {
    /// The same rate every epoch (Surprise's behaviour).
    case constant
    /// The rate of epoch e (from 0) is `initial · rate^e`; `rate` is a per-epoch factor in (0, 1], e.g. 0.95.
    case exponentialDecay(rate: Float)

    /// The learning rate for `epoch` (counted from 0) given the configured initial rate.
    /// - Complexity: O(epoch); a repeated product, so every platform gives the same bits.
    public func learningRate(initial: Float, epoch: Int) -> Float {
        switch self {
        case .constant: initial
        case let .exponentialDecay(rate): (0..<epoch).reduce(initial) { value, _ in value * rate }
        }
    }
}
