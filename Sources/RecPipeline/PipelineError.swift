import RecCore

/// The one error type of `RecPipeline`: a command's workflow could not complete.
public typealias PipelineError = MarqueeError<PipelineErrorCode>

/// Kinds of `PipelineError`; a struct over a private enum so that kinds can be added without breaking callers.
public struct PipelineErrorCode: Hashable, Sendable, CustomStringConvertible {
    private enum Kind: String, Sendable { case invalidArgument, dataNotFound, noModel, externalToolFailed }
    private let kind: Kind
    private init(_ kind: Kind) { self.kind = kind }
    /// `invalidArgument`
    public static let invalidArgument = PipelineErrorCode(.invalidArgument)
    /// `dataNotFound`
    public static let dataNotFound = PipelineErrorCode(.dataNotFound)
    /// `noModel`
    public static let noModel = PipelineErrorCode(.noModel)
    /// `externalToolFailed`
    public static let externalToolFailed = PipelineErrorCode(.externalToolFailed)
    public var description: String { kind.rawValue }
}
