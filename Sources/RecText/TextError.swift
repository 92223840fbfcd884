import RecCore

/// The one error type of `RecText`'s encoder and classifier: a model or vocabulary could not be loaded, or a
/// classifier could not be trained.
public typealias TextError = MarqueeError<TextErrorCode>

/// Kinds of `TextError`; a struct over a private enum so that kinds can be added without breaking callers.
public struct TextErrorCode: Hashable, Sendable, CustomStringConvertible {
    private enum Kind: String, Sendable { case missingModel, invalidModel, invalidConfiguration, invalidTrainingData }
    private let kind: Kind
    private init(_ kind: Kind) { self.kind = kind }
    /// `missingModel`: a model file is not where it was looked for.
    public static let missingModel = TextErrorCode(.missingModel)
    /// `invalidModel`: a model file is there but truncated, corrupt or of an unexpected shape.
    public static let invalidModel = TextErrorCode(.invalidModel)
    /// `invalidConfiguration`: an option is outside its allowed values.
    public static let invalidConfiguration = TextErrorCode(.invalidConfiguration)
    /// `invalidTrainingData`: examples given to a trainer are inconsistent (counts, lengths, one class only).
    public static let invalidTrainingData = TextErrorCode(.invalidTrainingData)
    public var description: String { kind.rawValue }
}

extension MarqueeError where Code == TextErrorCode {
    /// What to do when a model file is missing or damaged.
    static let remedy = "run scripts/setup, or set MARQUEE_MODELS to the folder holding all-MiniLM-L6-v2/"

    /// The error for a model file that does not exist.
    static func missingModel(_ path: String, file: String = #fileID, line: Int = #line) -> TextError {
        TextError(.missingModel, "\(path) not found; \(remedy)", file: file, line: line)
    }

    /// The error for a model file that exists but cannot be used.
    static func invalidModel(_ path: String, _ problem: String, underlying: (any Error & Sendable)? = nil,
                             file: String = #fileID, line: Int = #line) -> TextError {
        TextError(.invalidModel, "\(path): \(problem); \(remedy)", underlying: underlying, file: file, line: line)
    }
}
