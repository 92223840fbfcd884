import Testing
import RecCore
import RecText

@Suite struct ReviewRatingTests {
    @Test(arguments: [
        (SentimentEvidence.probability(0.93), RatingScale.oneToFive, Float(5)),
        (.probability(0.5), .oneToFive, 3),
        (.probability(0.1), .oneToFive, 1),
        (.vaderCompound(-0.6), .halfStars, 1.5),
        (.vaderCompound(0), .zeroToTen, 5),
        (.vaderCompound(1), .zeroToTen, 10),
        (.probability(1.7), .oneToFive, 5),
    ])
    func linearMapsPositivityAcrossTheScale(evidence: SentimentEvidence, scale: RatingScale, expected: Float) throws {
        #expect(try ReviewRating().rating(for: evidence, on: scale) == expected)
    }

    @Test func aContinuousScaleIsNotRounded() throws {
        let scale = RatingScale(minimum: 0, maximum: 1)
        #expect(try ReviewRating().rating(for: .probability(0.37), on: scale) == 0.37)
    }

    @Test(arguments: [(Float(0.1), Float(1)), (0.2, 2), (0.39, 2), (0.4, 3), (0.79, 4), (0.8, 5), (1, 5)])
    func thresholdsGiveSSTsFiveClassesAsStars(probability: Float, stars: Float) throws {
        let mapping = try ReviewRating(ReviewRatingConfiguration(mapping: .thresholds([0.2, 0.4, 0.6, 0.8])))
        #expect(mapping.rating(for: .probability(probability), on: .oneToFive) == stars)
    }

    @Test func undecidedReviewsGiveNoRatingWithinTheMargin() throws {
        let mapping = try ReviewRating(ReviewRatingConfiguration(neutralMargin: 0.1))
        #expect(mapping.rating(for: .probability(0.55), on: .oneToFive) == nil)
        #expect(mapping.rating(for: .vaderCompound(-0.1), on: .oneToFive) == nil)
        #expect(mapping.rating(for: .probability(0.7), on: .oneToFive) == 4)
    }

    @Test(arguments: [
        ReviewRatingConfiguration(neutralMargin: 0.6),
        ReviewRatingConfiguration(neutralMargin: -0.1),
        ReviewRatingConfiguration(mapping: .thresholds([])),
        ReviewRatingConfiguration(mapping: .thresholds([0.6, 0.4])),
        ReviewRatingConfiguration(mapping: .thresholds([0, 0.5])),
    ])
    func invalidConfigurationsAreRejected(configuration: ReviewRatingConfiguration) throws {
        let error = try #require(throws: TextError.self) { try ReviewRating(configuration) }
        #expect(error.code == .invalidConfiguration)
        #expect(error.message.hasPrefix("ReviewRatingConfiguration."))
    }
}
