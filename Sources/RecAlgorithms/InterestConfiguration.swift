import Foundation
import RecCore

/// Options of ``InterestVector`` and of the weights ``ContentBased`` profiles are built from: how fast interest
/// fades and how a rating becomes a sentiment.
public struct InterestConfiguration: Sendable, Codable, Equatable {
    /// Seconds after which an event's weight has halved; `nil` means no decay (every event counts the same
    /// however old). Must be > 0 when set.
    public var halfLife: Double?

    /// Creates a configuration; the default half-life is 365 days.
    public init(halfLife: Double? = 365 * 86_400) {
        self.halfLife = halfLife
    }

    /// Checks the half-life.
    /// - Throws: `AlgorithmError` `.invalidConfiguration` naming the field, what was expected and found.
    public func validate() throws {
        if let halfLife, !(halfLife > 0 && halfLife.isFinite) {
            throw AlgorithmError.invalidConfiguration("InterestConfiguration", field: "halfLife",
                                                      expected: "a finite number of seconds > 0, or nil for no decay",
                                                      found: "\(halfLife)")
        }
    }

    /// The decay factor 2^(−age / halfLife) of an event `age` seconds old (1 without a half-life, 1 for age ≤ 0).
    /// - Complexity: O(1).
    public func decay(age: Double) -> Float {
        guard let halfLife, age > 0 else { return 1 }
        return Float(exp2(-age / halfLife))
    }

    /// A rating's sentiment in [−1, 1]: the scale mapped linearly, its minimum to −1, its maximum to 1 and its
    /// midpoint to 0 (on 0.5–5 half stars: 5 → 1, 4 → 0.56, 2.75 → 0, 1 → −0.78). A rating outside the scale is
    /// clipped first.
    /// - Complexity: O(1).
    public static func sentiment(ofRating rating: Float, scale: RatingScale) -> Float {
        let half = (scale.maximum - scale.minimum) / 2
        guard half > 0 else { return 1 }
        return (scale.clip(rating) - (scale.minimum + half)) / half
    }

    /// The weight of one rating in a profile: its ``sentiment(ofRating:scale:)`` times ``decay(age:)``.
    /// - Complexity: O(1).
    public func weight(rating: Float, scale: RatingScale, age: Double) -> Float {
        Self.sentiment(ofRating: rating, scale: scale) * decay(age: age)
    }
}
