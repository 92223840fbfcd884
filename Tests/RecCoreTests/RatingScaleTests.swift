import Testing
import RecCore

@Suite struct RatingScaleTests {
    @Test(arguments: [(Float(0.5), true), (4.5, true), (5, true), (0, false), (5.5, false), (4.25, false), (.nan, false)])
    func halfStarsAcceptOnlyHalfSteps(value: Float, accepted: Bool) {
        #expect(RatingScale.halfStars.contains(value) == accepted)
    }

    @Test func clipLimitsToRange() {
        #expect(RatingScale.zeroToTen.clip(11.2) == 10)
        #expect(RatingScale.zeroToTen.clip(-0.3) == 0)
        #expect(RatingScale.oneToFive.clip(3.3) == 3.3)
    }
}
