/// What is known about a review's sentiment: the trained classifier's probability, or VADER's compound
/// score when no classifier is available.
public enum SentimentEvidence: Sendable, Hashable, Codable {
    /// ``SentimentClassifier``'s probability that the review is positive, 0…1.
    case probability(Float)
    /// VADER's compound score, −1…1.
    case vaderCompound(Float)

    /// The evidence as a positivity in 0…1: the probability itself, or `(compound + 1) / 2`, so a neutral
    /// compound of 0 sits at 0.5 like an undecided probability. Values outside the range are clipped.
    public var positivity: Float {
        switch self {
        case .probability(let p): min(max(p, 0), 1)
        case .vaderCompound(let c): min(max((c + 1) / 2, 0), 1)
        }
    }
}
