import RecCore
import Testing
@testable import RecGeneration

@Suite struct FaithfulnessCheckTests {
    let check = FaithfulnessCheck()

    @Test(arguments: [
        "Alien (1979) is a Horror and Sci-Fi film: in space no one can hear you scream.",
        "If you want a tense night, the crew of the Nostromo meets a creature from a distant planet.",
        "For your taste in Sci-Fi: the Nostromo answers a distress signal. Nobody is safe.",
        "A 1979 nightmare in space, where an alien parasite stalks the crew.",
    ])
    func textsWithinTheFactsPass(_ text: String) {
        #expect(check.violations(in: text, facts: Samples.alien) == [], "\(text)")
    }

    @Test(arguments: [
        ("Ridley Scott directs this 1979 classic.", [FaithfulnessCheck.Violation(kind: .name, text: "Ridley"),
                                                     .init(kind: .name, text: "Scott")]),
        ("Alien (1986) is a space classic.", [.init(kind: .year, text: "1986")]),
        ("A Western in space where the Nostromo crew fights an alien.", [.init(kind: .genre, text: "western")]),
        ("The crew meets Ellen Ripley, a tough officer.", [.init(kind: .name, text: "Ellen"), .init(kind: .name, text: "Ripley")]),
        ("Sigourney Weaver stars in the 1970s classic.", [.init(kind: .year, text: "1970s"), .init(kind: .name, text: "Sigourney"),
                                                          .init(kind: .name, text: "Weaver")]),
    ])
    func inventedYearsGenresAndNamesAreReported(_ text: String, _ expected: [FaithfulnessCheck.Violation]) {
        #expect(check.violations(in: text, facts: Samples.alien) == expected)
        #expect(!check.isFaithful(text, to: Samples.alien))
    }

    @Test func linesAndClausesAfterAColonStartLikeSentences() {
        #expect(check.violations(in: "Why it suits you:\nThe Nostromo crew meets a creature.", facts: Samples.alien) == [])
        #expect(check.violations(in: "For a tense night: A creature stalks the Nostromo.", facts: Samples.alien) == [])
        #expect(check.violations(in: "Title: Alien\nDirector: Ridley Scott", facts: Samples.alien)
                == [.init(kind: .name, text: "Ridley"), .init(kind: .name, text: "Scott")])
    }

    @Test func possessivesAndGenresInTheItemsOwnWordsPass() {
        let text = "Woody's world changes when Buzz Lightyear arrives, a Comedy about friendship from 1995."
        #expect(check.violations(in: text, facts: Samples.toyStory) == [])
        #expect(check.violations(in: "A Horror story about toys.", facts: Samples.toyStory) == [.init(kind: .genre, text: "horror")])
    }
}
