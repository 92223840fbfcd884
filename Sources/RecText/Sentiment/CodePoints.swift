/// A string as Python's `str` sees it: a sequence of Unicode code points.
///
/// VADER's rules are defined on Python strings: lengths, `strip`, `split`, `lower`, `isupper` and equality all work
/// code point by code point, where Swift's `String` works on grapheme clusters and compares by canonical
/// equivalence. Tokens are therefore kept as code-point arrays, and these helpers reproduce CPython 3.11's behaviour.
typealias CodePoints = [Unicode.Scalar]

extension Unicode.Scalar {
    /// Whether Python's `str.isspace()` holds: the 29 code points CPython 3.11 (Unicode 14) treats as whitespace.
    var isPythonWhitespace: Bool {
        switch value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            true
        default:
            false
        }
    }

    /// Whether the code point is in Python's `string.punctuation` (the 32 ASCII punctuation characters).
    var isASCIIPunctuation: Bool {
        switch value {
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: true
        default: false
        }
    }
}

extension Array where Element == Unicode.Scalar {
    /// The code points of `string`, unnormalised.
    init(_ string: String) {
        self.init(string.unicodeScalars)
    }

    /// Python's `str.split()`: the runs between whitespace, never empty.
    func splitOnPythonWhitespace() -> [CodePoints] {
        split(whereSeparator: \.isPythonWhitespace).map(Array.init)
    }

    /// Python's `str.strip(chars)` for the code points where `shouldStrip` holds.
    func trimming(where shouldStrip: (Unicode.Scalar) -> Bool) -> CodePoints {
        guard let first = firstIndex(where: { !shouldStrip($0) }), let last = lastIndex(where: { !shouldStrip($0) })
        else { return [] }
        return Array(self[first...last])
    }

    /// Python's `str.lower()`: each code point's full lowercase mapping.
    ///
    /// CPython also maps a word-final capital sigma to `ς`; that rule is left out because VADER compares lowered
    /// tokens only with its own lexicon, booster, negation and idiom entries, none of which holds a sigma.
    func pythonLowercased() -> CodePoints {
        var lowered = CodePoints()
        lowered.reserveCapacity(count)
        for scalar in self {
            if scalar.isASCII {
                let value = scalar.value
                lowered.append((0x41...0x5A).contains(value) ? Unicode.Scalar(UInt8(value + 0x20)) : scalar)
            } else {
                lowered.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return lowered
    }

    /// Python's `str.isupper()`: no lowercase or titlecase code point, and at least one uppercase one.
    var isPythonUppercase: Bool {
        var isCased = false
        for scalar in self {
            if scalar.isASCII {
                if (0x61...0x7A).contains(scalar.value) { return false }
                if (0x41...0x5A).contains(scalar.value) { isCased = true }
                continue
            }
            let properties = scalar.properties
            if properties.isLowercase || properties.generalCategory == .titlecaseLetter { return false }
            if properties.isUppercase { isCased = true }
        }
        return isCased
    }

    /// Whether the code points equal those of `literal` (Python's `==`, no normalisation).
    func matches(_ literal: String) -> Bool {
        elementsEqual(literal.unicodeScalars)
    }

    /// Whether `needle` occurs as a contiguous run (Python's `needle in self`).
    func containsRun(_ needle: CodePoints) -> Bool {
        guard needle.count <= count else { return false }
        return (0...(count - needle.count)).contains { start in self[start..<(start + needle.count)].elementsEqual(needle) }
    }

    /// The tokens joined by single spaces, as Python's `"{0} {1}".format(…)` builds an n-gram.
    init(joining tokens: CodePoints...) {
        self.init()
        for (position, token) in tokens.enumerated() {
            if position > 0 { append(" ") }
            append(contentsOf: token)
        }
    }
}
