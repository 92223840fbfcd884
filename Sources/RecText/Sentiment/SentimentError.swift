import RecCore

/// The error of VADER sentiment analysis: the bundled lexicons could not be loaded.
///
/// Named apart from the text encoder's `TextError` so both can live in `RecText`.
public typealias SentimentError = MarqueeError<SentimentErrorCode>

/// Kinds of `SentimentError`; a struct over a private enum so that kinds can be added without breaking callers.
public struct SentimentErrorCode: Hashable, Sendable, CustomStringConvertible {
    private enum Kind: String, Sendable { case missingLexicon, invalidLexicon }
    private let kind: Kind
    private init(_ kind: Kind) { self.kind = kind }
    /// `missingLexicon`: a lexicon file is not in the target's resource bundle.
    public static let missingLexicon = SentimentErrorCode(.missingLexicon)
    /// `invalidLexicon`: a lexicon line is not `token<TAB>value…`.
    public static let invalidLexicon = SentimentErrorCode(.invalidLexicon)
    public var description: String { kind.rawValue }
}
