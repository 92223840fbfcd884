/// The closed range and step of a data set's ratings: MovieLens 100K is 1…5 by 1, MovieLens latest
/// 0.5…5 by 0.5, MovieTweetings 0…10 by 1. Predictions are clipped to it; it is never rescaled.
public struct RatingScale: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Lowest allowed rating.
    public var minimum: Float
    /// Highest allowed rating.
    public var maximum: Float
    /// Smallest difference between two ratings (0 for continuous values).
    public var step: Float

    /// Creates a scale; `minimum < maximum` is a precondition.
    public init(minimum: Float, maximum: Float, step: Float = 0) {
        precondition(minimum < maximum, "RatingScale needs minimum < maximum")
        self.minimum = minimum
        self.maximum = maximum
        self.step = step
    }

    /// MovieLens 100K and 1M: whole stars 1…5.
    public static let oneToFive = RatingScale(minimum: 1, maximum: 5, step: 1)
    /// MovieLens latest: half stars 0.5…5.
    public static let halfStars = RatingScale(minimum: 0.5, maximum: 5, step: 0.5)
    /// MovieTweetings (IMDb): whole points 0…10.
    public static let zeroToTen = RatingScale(minimum: 0, maximum: 10, step: 1)

    /// Whether `value` lies within the scale and on its step grid.
    public func contains(_ value: Float) -> Bool {
        guard value.isFinite, value >= minimum, value <= maximum else { return false }
        guard step > 0 else { return true }
        let steps = (value - minimum) / step
        return abs(steps - steps.rounded()) < 1e-4
    }

    /// `value` limited to `minimum…maximum`.
    @inlinable
    public func clip(_ value: Float) -> Float { Swift.min(Swift.max(value, minimum), maximum) }

    public var description: String {
        func text(_ v: Float) -> String { v == v.rounded() ? String(Int(v)) : String(v) }
        return "[\(text(minimum)), \(text(maximum))]"
    }
}
