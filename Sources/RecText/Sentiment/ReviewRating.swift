import RecCore

/// Turns the sentiment of a review into an implicit rating on a data set's scale, so written reviews
/// can feed the rating models next to explicit stars.
///
/// ```swift
/// let rating = try ReviewRating(ReviewRatingConfiguration(neutralMargin: 0.1))
/// rating.rating(for: .probability(0.93), on: .oneToFive)   // 5
/// rating.rating(for: .vaderCompound(-0.6), on: .halfStars)  // 1.5
/// ```
public struct ReviewRating: Sendable, Equatable {
    /// The options the mapping was made with.
    public let configuration: ReviewRatingConfiguration

    /// Checks and keeps `configuration`.
    /// - Throws: ``TextError`` `.invalidConfiguration` when `neutralMargin` is outside 0…0.5 or the
    ///   thresholds are empty, not strictly ascending, or outside (0, 1).
    public init(_ configuration: ReviewRatingConfiguration = ReviewRatingConfiguration()) throws {
        guard configuration.neutralMargin >= 0, configuration.neutralMargin <= 0.5 else {
            throw TextError(.invalidConfiguration, "ReviewRatingConfiguration.neutralMargin is \(configuration.neutralMargin); expected 0 to 0.5")
        }
        if case .thresholds(let cutoffs) = configuration.mapping {
            guard !cutoffs.isEmpty, cutoffs.allSatisfy({ $0 > 0 && $0 < 1 }),
                  zip(cutoffs, cutoffs.dropFirst()).allSatisfy({ $0 < $1 }) else {
                throw TextError(.invalidConfiguration, "ReviewRatingConfiguration.mapping thresholds are \(cutoffs); "
                    + "expected one or more strictly ascending values between 0 and 1")
            }
        }
        self.configuration = configuration
    }

    /// The implicit rating of a review with sentiment `evidence` on `scale`, or `nil` when the review is
    /// within ``ReviewRatingConfiguration/neutralMargin`` of undecided.
    /// - Complexity: O(thresholds).
    public func rating(for evidence: SentimentEvidence, on scale: RatingScale) -> Float? {
        let positivity = evidence.positivity
        guard abs(positivity - 0.5) >= configuration.neutralMargin else { return nil }
        let fraction: Float
        switch configuration.mapping {
        case .linear:
            fraction = positivity
        case .thresholds(let cutoffs):
            fraction = Float(cutoffs.filter { positivity >= $0 }.count) / Float(cutoffs.count)
        }
        let value = scale.minimum + fraction * (scale.maximum - scale.minimum)
        guard scale.step > 0 else { return value }
        return scale.clip(scale.minimum + ((value - scale.minimum) / scale.step).rounded() * scale.step)
    }
}
