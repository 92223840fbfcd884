/// How `marquee evaluate` splits a data set into folds.
public enum SplitProtocol: Sendable, Hashable, CustomStringConvertible {
    /// MovieLens 100K's official `u1`–`u5` base/test files.
    case official5
    /// Seeded random k-fold over all ratings (``RecEvaluation/RandomKFold``).
    case kFold(folds: Int, seed: UInt64)
    /// Each user's latest ratings held out (``RecEvaluation/TemporalHoldout``).
    case temporal(fraction: Double)

    /// Parses the CLI spelling: `official5`, `kfold` / `kfold5` (5 folds, seed 0), `kfold10`, `temporal`.
    /// - Throws: ``PipelineError`` listing the accepted spellings.
    public init(parsing text: String) throws {
        switch text {
        case "official5": self = .official5
        case "temporal": self = .temporal(fraction: 0.2)
        case "kfold": self = .kFold(folds: 5, seed: 0)
        default:
            guard text.hasPrefix("kfold"), let folds = Int(text.dropFirst(5)), folds >= 2 else {
                throw PipelineError(.invalidArgument,
                                    "split '\(text)' is unknown; expected official5, kfold, kfoldN (N ≥ 2) or temporal")
            }
            self = .kFold(folds: folds, seed: 0)
        }
    }

    /// Parses a comma-separated list of official folds such as `1,3`; empty text means all five.
    /// - Throws: ``PipelineError`` naming the bad entry.
    public static func officialFolds(parsing text: String) throws -> [Int] {
        guard !text.isEmpty else { return Array(1...5) }
        return try text.split(separator: ",", omittingEmptySubsequences: false).map { entry in
            guard let number = Int(entry), (1...5).contains(number) else {
                throw PipelineError(.invalidArgument, "fold '\(entry)' is not one of 1 to 5; expected e.g. --folds 1,2")
            }
            return number
        }
    }

    public var description: String {
        switch self {
        case .official5: "official5"
        case .kFold(let folds, _): "kfold\(folds)"
        case .temporal: "temporal"
        }
    }
}
