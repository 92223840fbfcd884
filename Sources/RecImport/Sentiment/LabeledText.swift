/// One text of a sentiment corpus with its binary label: a sentence, snippet or review that readers
/// judged positive or negative.
public struct LabeledText: Sendable, Hashable {
    /// The text, as the corpus stores it.
    public var text: String
    /// Whether the text is positive.
    public var isPositive: Bool

    /// Creates a labelled text.
    public init(text: String, isPositive: Bool) {
        self.text = text
        self.isPositive = isPositive
    }
}
