/// How ``ReviewRating`` turns a review's positivity (0…1, see ``SentimentEvidence/positivity``) into a rating.
public struct ReviewRatingConfiguration: Sendable, Codable, Equatable {
    /// How positivity maps onto the scale.
    public enum Mapping: Sendable, Codable, Equatable {
        /// minimum + positivity × (maximum − minimum), rounded to the scale's step.
        case linear
        /// Ascending positivity cut-offs in (0, 1): n cut-offs split 0…1 into n + 1 bins, mapped to n + 1
        /// evenly spaced levels from the scale's minimum to its maximum (rounded to the step). A positivity
        /// equal to a cut-off goes to the higher bin. `[0.2, 0.4, 0.6, 0.8]` on 1…5 gives SST's five classes
        /// as stars.
        case thresholds([Float])
    }

    /// The mapping; linear by default.
    public var mapping: Mapping
    /// Reviews whose positivity lies within this distance of 0.5 give no rating (0 keeps every review; 0.1
    /// drops probabilities in 0.4…0.6), since an undecided review says little about taste.
    public var neutralMargin: Float

    /// Creates a configuration.
    public init(mapping: Mapping = .linear, neutralMargin: Float = 0) {
        self.mapping = mapping
        self.neutralMargin = neutralMargin
    }
}
