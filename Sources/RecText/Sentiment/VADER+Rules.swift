/// VADER's word-level rules, in the order `sentiment_valence` applies them, and their word lists.
extension VADER {
    /// Mean intensity change from a booster ("very") or, negated, a dampener ("kind of").
    static let boosterIncrement = 0.293
    /// Mean intensity change from writing a sentiment word in ALL CAPS among lowercase words.
    static let capitalIncrement = 0.733
    /// Factor applied to a negated valence.
    static let negationScalar = -0.74

    /// Degree adverbs and their effect on a following sentiment word (`BOOSTER_DICT`).
    static let boosters: [CodePoints: Double] = {
        let increasing = ["absolutely", "amazingly", "awfully", "completely", "considerable", "considerably",
                          "decidedly", "deeply", "effing", "enormous", "enormously", "entirely", "especially",
                          "exceptional", "exceptionally", "extreme", "extremely", "fabulously", "flipping", "flippin",
                          "frackin", "fracking", "fricking", "frickin", "frigging", "friggin", "fully", "fuckin",
                          "fucking", "fuggin", "fugging", "greatly", "hella", "highly", "hugely", "incredible",
                          "incredibly", "intensely", "major", "majorly", "more", "most", "particularly", "purely",
                          "quite", "really", "remarkably", "so", "substantially", "thoroughly", "total", "totally",
                          "tremendous", "tremendously", "uber", "unbelievably", "unusually", "utter", "utterly", "very"]
        let decreasing = ["almost", "barely", "hardly", "just enough", "kind of", "kinda", "kindof", "kind-of", "less",
                          "little", "marginal", "marginally", "occasional", "occasionally", "partly", "scarce",
                          "scarcely", "slight", "slightly", "somewhat", "sort of", "sorta", "sortof", "sort-of"]
        return Dictionary(uniqueKeysWithValues: increasing.map { (CodePoints($0), boosterIncrement) }
                          + decreasing.map { (CodePoints($0), -boosterIncrement) })
    }()

    /// Words that negate a sentiment word up to three words later (`NEGATE`).
    static let negations: Set<CodePoints> = Set([
        "aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt", "ain't", "aren't", "can't",
        "couldn't", "daren't", "didn't", "doesn't", "dont", "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt",
        "neither", "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't", "neednt", "needn't", "never",
        "none", "nope", "nor", "not", "nothing", "nowhere", "oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent",
        "oughtn't", "shan't", "shouldn't", "uh-uh", "wasn't", "weren't", "without", "wont", "wouldnt", "won't",
        "wouldn't", "rarely", "seldom", "despite",
    ].map(CodePoints.init))

    /// Idioms whose valence replaces that of the lexicon word inside them (`SPECIAL_CASES`).
    static let specialCases: [CodePoints: Double] = Dictionary(uniqueKeysWithValues: [
        ("the shit", 3), ("the bomb", 3), ("bad ass", 1.5), ("badass", 1.5), ("bus stop", 0.0), ("yeah right", -2),
        ("kiss of death", -1.5), ("to die for", 3), ("beating heart", 3.5),
    ].map { (CodePoints($0), $1) })

    private static let contraction = CodePoints("n't")

    /// The valence of the word at `index` after every rule that looks at its neighbours (`sentiment_valence`); 0 for a
    /// word outside the lexicon.
    func valence(at index: Int, in sentence: VADERSentence) -> Double {
        let words = sentence.lowered
        let item = words[index]
        guard let lexiconValence = lexicon.valences[item] else { return 0 }
        var valence = lexiconValence
        // "no" before another lexicon word negates it instead of counting itself.
        if item.matches("no") && index != words.count - 1 && lexicon.valences[words[index + 1]] != nil {
            valence = 0.0
        }
        if (index > 0 && words[index - 1].matches("no")) || (index > 1 && words[index - 2].matches("no"))
            || (index > 2 && words[index - 3].matches("no")
                && (words[index - 1].matches("or") || words[index - 1].matches("nor"))) {
            valence = lexiconValence * Self.negationScalar
        }
        if sentence.words[index].isPythonUppercase && sentence.isCapitalDifferential {
            if valence > 0 {
                valence += Self.capitalIncrement
            } else {
                valence -= Self.capitalIncrement
            }
        }
        for distance in 0..<3 where index > distance && lexicon.valences[words[index - (distance + 1)]] == nil {
            let preceding = index - (distance + 1)
            var scalar = Self.boosterScalar(sentence.words[preceding], lowered: words[preceding], valence: valence,
                                            isCapitalDifferential: sentence.isCapitalDifferential)
            if distance == 1 && scalar != 0 { scalar = scalar * 0.95 }
            if distance == 2 && scalar != 0 { scalar = scalar * 0.9 }
            valence = valence + scalar
            valence = Self.negated(valence, words, distance: distance, index: index)
            if distance == 2 { valence = Self.idiomAdjusted(valence, words, index: index) }
        }
        return leastAdjusted(valence, words, index: index)
    }

    /// The change a booster or dampener brings to a following word of valence `valence` (`scalar_inc_dec`).
    private static func boosterScalar(_ word: CodePoints, lowered: CodePoints, valence: Double,
                                      isCapitalDifferential: Bool) -> Double {
        guard var scalar = boosters[lowered] else { return 0.0 }
        if valence < 0 { scalar *= -1 }
        if word.isPythonUppercase && isCapitalDifferential {
            if valence > 0 {
                scalar += capitalIncrement
            } else {
                scalar -= capitalIncrement
            }
        }
        return scalar
    }

    /// Whether a lowercased word is a negation: listed, or containing "n't" (`negated`).
    private static func isNegation(_ word: CodePoints) -> Bool {
        negations.contains(word) || word.containsRun(contraction)
    }

    /// Applies the negation `distance + 1` words back, with "never so/this" intensifying and "without doubt" not
    /// negating (`_negation_check`).
    private static func negated(_ valence: Double, _ words: [CodePoints], distance: Int, index: Int) -> Double {
        switch distance {
        case 0:
            return isNegation(words[index - 1]) ? valence * negationScalar : valence
        case 1:
            if words[index - 2].matches("never") && (words[index - 1].matches("so") || words[index - 1].matches("this")) {
                return valence * 1.25
            } else if words[index - 2].matches("without") && words[index - 1].matches("doubt") {
                return valence
            }
            return isNegation(words[index - 2]) ? valence * negationScalar : valence
        default:
            // As in vaderSentiment, "so" or "this" just before the word intensifies it even without "never".
            if (words[index - 3].matches("never") && (words[index - 2].matches("so") || words[index - 2].matches("this")))
                || (words[index - 1].matches("so") || words[index - 1].matches("this")) {
                return valence * 1.25
            } else if words[index - 3].matches("without")
                        && (words[index - 2].matches("doubt") || words[index - 1].matches("doubt")) {
                return valence
            }
            return isNegation(words[index - 3]) ? valence * negationScalar : valence
        }
    }

    /// Replaces the valence inside a special-case idiom and adds two- and three-word boosters such as "kind of"
    /// (`_special_idioms_check`); needs `index >= 3`.
    private static func idiomAdjusted(_ valence: Double, _ words: [CodePoints], index: Int) -> Double {
        var valence = valence
        let oneZero = CodePoints(joining: words[index - 1], words[index])
        let twoOneZero = CodePoints(joining: words[index - 2], words[index - 1], words[index])
        let twoOne = CodePoints(joining: words[index - 2], words[index - 1])
        let threeTwoOne = CodePoints(joining: words[index - 3], words[index - 2], words[index - 1])
        let threeTwo = CodePoints(joining: words[index - 3], words[index - 2])
        if let special = [oneZero, twoOneZero, twoOne, threeTwoOne, threeTwo].lazy.compactMap({ specialCases[$0] }).first {
            valence = special
        }
        if words.count - 1 > index, let special = specialCases[CodePoints(joining: words[index], words[index + 1])] {
            valence = special
        }
        if words.count - 1 > index + 1,
           let special = specialCases[CodePoints(joining: words[index], words[index + 1], words[index + 2])] {
            valence = special
        }
        for nGram in [threeTwoOne, threeTwo, twoOne] {
            if let booster = boosters[nGram] { valence = valence + booster }
        }
        return valence
    }

    /// Negates a word after "least", except in "at least" and "very least" (`_least_check`).
    private func leastAdjusted(_ valence: Double, _ words: [CodePoints], index: Int) -> Double {
        guard index > 0, words[index - 1].matches("least"), lexicon.valences[words[index - 1]] == nil else {
            return valence
        }
        if index > 1 && (words[index - 2].matches("at") || words[index - 2].matches("very")) { return valence }
        return valence * Self.negationScalar
    }
}
