/// How a data file's bytes map to text. MovieLens 100K `u.item` and 1M `movies.dat` are Latin-1;
/// everything else Marquee reads is UTF-8.
enum TextEncoding: Sendable {
    /// Strict UTF-8: an invalid byte sequence aborts the import with `.wrongEncoding`.
    case utf8
    /// ISO-8859-1: every byte is the code point of the same value, so decoding never fails.
    case latin1

    /// Whether `bytes` are valid in this encoding.
    /// - Complexity: O(n); ASCII-only input is checked with one pass and no allocation.
    func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        switch self {
        case .latin1:
            return true
        case .utf8:
            var combined: UInt8 = 0
            for byte in bytes { combined |= byte }
            if combined < 0x80 { return true }
            var decoder = UTF8()
            var iterator = bytes.makeIterator()
            while true {
                switch decoder.decode(&iterator) {
                case .scalarValue: continue
                case .emptyInput: return true
                case .error: return false
                }
            }
        }
    }

    /// The text of `bytes`, which must have passed ``isValid(_:)``.
    func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        switch self {
        case .utf8:
            return String(decoding: bytes, as: UTF8.self)
        case .latin1:
            var isASCII = true
            for byte in bytes where byte >= 0x80 { isASCII = false; break }
            if isASCII { return String(decoding: bytes, as: UTF8.self) }
            var scalars = String.UnicodeScalarView()
            scalars.append(contentsOf: bytes.lazy.map { Unicode.Scalar($0) })
            return String(scalars)
        }
    }
}
