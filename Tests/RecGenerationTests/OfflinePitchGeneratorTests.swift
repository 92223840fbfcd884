import RecCore
import Testing
@testable import RecGeneration

@Suite struct OfflinePitchGeneratorTests {
    let generator = OfflinePitchGenerator()

    @Test func leadsWithTheMatchingThemesAndQuotesTheMostRelatedSentences() async {
        let pitch = await generator.pitch(for: Samples.alien, interests: Samples.spaceFan)
        #expect(pitch.generator == .offline)
        #expect(pitch.fallbackReason == nil)
        #expect(pitch.text.hasPrefix("For your taste in Sci-Fi and space: Alien (1979), a Horror and Sci-Fi film."))
        // Only the tagline shares a word ("space") with the themes and mood; the overview's sentences share none,
        // so the tie goes to text order: the first overview sentence.
        #expect(pitch.text.contains("In space no one can hear you scream."))
        #expect(pitch.text.contains("During its return to the earth"))
        #expect(FaithfulnessCheck().violations(in: pitch.text, facts: Samples.alien) == [])
    }

    @Test func theMoodChoosesTheSentence() {
        let sentences = generator.relatedSentences(Samples.toyStory, InterestSummary(themes: [], mood: "differences and friendship"))
        #expect(sentences.count == 2)
        #expect(sentences.last?.hasSuffix("learns to put aside their differences.") == true)
    }

    @Test func aGivenRelatednessReplacesLexicalOverlap() {
        let longest = OfflinePitchGenerator(maximumSentences: 1) { sentence, _ in Double(sentence.count) }
        let text = longest.text(for: Samples.alien, interests: Samples.spaceFan)
        #expect(text.hasSuffix("a creature inside one of the eggs attacks an explorer."), "the longest sentence (155 characters)")
        #expect(!text.contains("In space no one"))
    }

    @Test func withoutDescriptionsThePitchIsTheCatalogueLine() async {
        let pitch = await generator.pitch(for: Samples.bare, interests: InterestSummary(themes: ["Drama"]))
        #expect(pitch.text == "For your taste in Drama: Pulp Fiction (1994), a Crime and Drama film.")
        let unmatched = await generator.pitch(for: Samples.bare, interests: InterestSummary(themes: ["Musical"]))
        #expect(unmatched.text == "Pulp Fiction (1994), a Crime and Drama film.")
    }

    @Test func theSameInputsGiveTheSameText() {
        let a = generator.text(for: Samples.toyStory, interests: Samples.familyFan)
        let b = OfflinePitchGenerator().text(for: Samples.toyStory, interests: Samples.familyFan)
        #expect(a == b)
        #expect(a.hasPrefix("For your taste in Comedy and Animation: Toy Story (1995), an Animation, Children's and Comedy film."))
        #expect(FaithfulnessCheck().isFaithful(a, to: Samples.toyStory))
    }

    @Test func fingerprintsDependOnlyOnThemesAndMood() {
        #expect(InterestSummary(themes: ["Horror", " horror", ""]).themes == ["Horror"])
        #expect(InterestSummary(themes: ["A", "B"]).fingerprint == InterestSummary(themes: ["A", "B"]).fingerprint)
        #expect(InterestSummary(themes: ["A", "B"]).fingerprint != InterestSummary(themes: ["B", "A"]).fingerprint)
        #expect(InterestSummary(themes: ["A"], mood: "x").fingerprint != InterestSummary(themes: ["A"]).fingerprint)
    }
}
