import Foundation
import RecTestSupport
import RecText
import Testing

/// Checks the VADER port against scores from the `vaderSentiment` 3.3.2 Python package, made by
/// `scripts/reference/vader_scores.py`.
@Suite struct VADERTests {
    /// Python's `polarity_scores` rounds compound to 4 decimals and the proportions to 3; allowing 1e-4 (plus float
    /// slack) admits a last-digit rounding flip caused by a 1-ulp difference, nothing more.
    static let tolerance = 1e-4 + 1e-12

    struct Scored: Decodable {
        var text: String
        var neg: Double
        var neu: Double
        var pos: Double
        var compound: Double
    }

    struct SmallFixture: Decodable {
        var package: String
        var sampled: [Scored]
        var tricky: [Scored]
    }

    struct FullFixture: Decodable {
        var package: String
        var lineCounts: [Int]
        var scale: Double
        var compound: [Int]
    }

    static func expectClose(_ scores: SentimentScores, _ expected: Scored, sourceLocation: SourceLocation = #_sourceLocation) {
        let differences = [scores.negative - expected.neg, scores.neutral - expected.neu,
                           scores.positive - expected.pos, scores.compound - expected.compound]
        #expect(differences.allSatisfy { abs($0) <= tolerance },
                "\(expected.text.debugDescription): got \(scores), vaderSentiment \(expected)", sourceLocation: sourceLocation)
    }

    @Test func matchesVaderSentimentOnSampledAndTrickySentences() throws {
        let fixture = try JSONDecoder().decode(
            SmallFixture.self, from: Data(contentsOf: TestData.fixture("reference/vader-small.json")))
        #expect(fixture.package == "vaderSentiment 3.3.2")
        #expect(fixture.sampled.count >= 200 && fixture.tricky.count >= 40)
        let vader = try VADER()
        for expected in fixture.sampled + fixture.tricky {
            Self.expectClose(vader.scores(expected.text), expected)
        }
    }

    @Test(arguments: [
        ("VADER is smart, handsome, and funny.", 0.8316),
        ("VADER is smart, handsome, and funny!", 0.8439),
        ("VADER is very smart, handsome, and funny.", 0.8545),
        ("VADER is VERY SMART, handsome, and FUNNY.", 0.9227),
        ("VADER is VERY SMART, handsome, and FUNNY!!!", 0.9342),
        ("VADER is not smart, handsome, nor funny.", -0.7424),
        ("The book was good.", 0.4404),
        ("The book was only kind of good.", 0.3832),
        ("Today SUX!", -0.5461),
        ("Not bad at all", 0.431),
    ])
    func readmeExamples(text: String, compound: Double) throws {
        #expect(abs(try VADER().scores(text).compound - compound) <= Self.tolerance)
    }

    @Test func readmeExampleProportions() throws {
        let scores = try VADER().scores("VADER is smart, handsome, and funny.")
        #expect(scores == SentimentScores(negative: 0, neutral: 0.254, positive: 0.746, compound: 0.8316))
    }

    @Test(arguments: ["", "   \n\t", "...", "the movie"])
    func textWithoutSentimentScoresZeroCompound(text: String) throws {
        let scores = try VADER().scores(text)
        #expect(scores.compound == 0)
        #expect(scores.positive == 0 && scores.negative == 0)
    }

    @Test func emptyTextScoresAllZero() throws {
        #expect(try VADER().scores("") == .zero)
    }

    @Test func scoresCodableRoundTrip() throws {
        let scores = try VADER().scores("Not bad at all")
        #expect(try JSONDecoder().decode(SentimentScores.self, from: JSONEncoder().encode(scores)) == scores)
    }

    /// A 1 MB text of mixed rules ("but", negations, caps, emoji) completes and keeps the proportions consistent; the
    /// "but" rule's first-equal-value search would be quadratic here without its heap.
    @Test func megabyteTextScoresConsistently() throws {
        let sentence = "The plot was GOOD, but the cast isn't great and it's kind of boring!! 😁 At least it's short. "
        let text = String(repeating: sentence, count: 1_000_000 / sentence.utf8.count + 1)
        #expect(text.utf8.count >= 1_000_000)
        let scores = try VADER().scores(text)
        #expect(abs(scores.negative + scores.neutral + scores.positive - 1) <= 0.002)
        #expect((-1...1).contains(scores.compound))
        #expect(scores.neutral < 1)
    }

    /// The goal: compound equals vaderSentiment's to 1e-4 on every line of rt-polaritydata.
    @Test(.enabled(if: TestData.isAvailable("rt-polaritydata/rt-polarity.pos"),
                   TestData.skipMessage("rt-polaritydata/rt-polarity.pos")))
    func compoundMatchesVaderSentimentOnAllOfRTPolarity() throws {
        let fixture = try JSONDecoder().decode(
            FullFixture.self, from: Data(contentsOf: TestData.fixture("reference/vader-rt-polarity-compound.json")))
        var lines: [String] = []
        for (name, expectedCount) in zip(["rt-polarity.pos", "rt-polarity.neg"], fixture.lineCounts) {
            let data = try Data(contentsOf: TestData.url("rt-polaritydata/\(name)"))
            let text = try #require(String(data: data, encoding: .utf8), "\(name) is not valid UTF-8")
            var fileLines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
                .map { String(String.UnicodeScalarView($0)) }
            if fileLines.last == "" { fileLines.removeLast() }
            #expect(fileLines.count == expectedCount, "\(name)")
            lines += fileLines
        }
        try #require(lines.count == fixture.compound.count)
        let vader = try VADER()
        var mismatches: [String] = []
        for (line, expected) in zip(lines, fixture.compound) {
            let compound = vader.scores(line).compound
            if abs(compound - Double(expected) / fixture.scale) > Self.tolerance {
                mismatches.append("\(line.debugDescription): \(compound) vs \(Double(expected) / fixture.scale)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) of \(lines.count) lines differ:\n\(mismatches.prefix(20).joined(separator: "\n"))")
    }
}
