import RecCore

/// The one error type of `RecAlgorithms`: training or prediction could not proceed.
public typealias AlgorithmError = MarqueeError<AlgorithmErrorCode>

/// Kinds of `AlgorithmError`; a struct over a private enum so that kinds can be added without breaking callers.
public struct AlgorithmErrorCode: Hashable, Sendable, CustomStringConvertible {
    private enum Kind: String, Sendable { case invalidConfiguration, emptyTrainingData, invalidModel, cancelled }
    private let kind: Kind
    private init(_ kind: Kind) { self.kind = kind }
    /// `invalidConfiguration`
    public static let invalidConfiguration = AlgorithmErrorCode(.invalidConfiguration)
    /// `emptyTrainingData`
    public static let emptyTrainingData = AlgorithmErrorCode(.emptyTrainingData)
    /// `invalidModel`
    public static let invalidModel = AlgorithmErrorCode(.invalidModel)
    /// `cancelled`
    public static let cancelled = AlgorithmErrorCode(.cancelled)
    public var description: String { kind.rawValue }
}
