import RecCore

/// The one error type of `RecEvaluation`: a split or metric got unusable input.
public typealias EvaluationError = MarqueeError<EvaluationErrorCode>

/// Kinds of `EvaluationError`; a struct over a private enum so that kinds can be added without breaking callers.
public struct EvaluationErrorCode: Hashable, Sendable, CustomStringConvertible {
    private enum Kind: String, Sendable { case invalidInput, missingFile, writeFailed }
    private let kind: Kind
    private init(_ kind: Kind) { self.kind = kind }
    /// `invalidInput`
    public static let invalidInput = EvaluationErrorCode(.invalidInput)
    /// `missingFile`
    public static let missingFile = EvaluationErrorCode(.missingFile)
    /// `writeFailed`
    public static let writeFailed = EvaluationErrorCode(.writeFailed)
    public var description: String { kind.rawValue }
}
