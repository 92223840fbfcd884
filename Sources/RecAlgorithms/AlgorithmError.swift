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

extension MarqueeError where Code == AlgorithmErrorCode {
    /// The error for fitting `algorithm` on a matrix that holds no rated entries.
    static func emptyTrainingData(_ algorithm: String, file: String = #fileID, line: Int = #line) -> AlgorithmError {
        AlgorithmError(.emptyTrainingData,
                       "cannot fit \(algorithm): the interaction matrix has no rated entries; import ratings first",
                       file: file, line: line)
    }

    /// The error for a configuration field outside its allowed values.
    static func invalidConfiguration(_ configuration: String, field: String, expected: String, found: String,
                                     file: String = #fileID, line: Int = #line) -> AlgorithmError {
        AlgorithmError(.invalidConfiguration, "\(configuration): field '\(field)': expected \(expected), got \(found)",
                       file: file, line: line)
    }
}
