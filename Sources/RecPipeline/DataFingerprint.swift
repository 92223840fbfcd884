import RecCore
import RecImport

/// A digest of training interactions, stored with each model so a stale model can be recognised, and of an
/// item's text, stored with its embedding so only changed texts are embedded again.
///
/// FNV-1a (64-bit) over each interaction's user, item, kind, value bits and timestamp, in the order
/// given, or over a text's UTF-8 bytes. Not a cryptographic hash: it detects change, not tampering.
public enum DataFingerprint {
    /// The hex digest of `interactions`.
    /// - Complexity: O(total length of ids).
    public static func of(_ interactions: [Interaction]) -> String {
        var hash = FNV1a()
        for interaction in interactions {
            hash.mix(interaction.user.rawValue.utf8)
            hash.mix(CollectionOfOne(0))
            hash.mix(interaction.item.rawValue.utf8)
            hash.mix(CollectionOfOne(0))
            hash.mix(interaction.kind.rawValue.utf8)
            hash.mix(UInt64(interaction.value?.bitPattern ?? .max))
            hash.mix(UInt64(bitPattern: interaction.timestamp ?? .min))
        }
        return hash.hex
    }

    /// The hex digest of `text`'s UTF-8 bytes.
    /// - Complexity: O(text length).
    public static func of(_ text: String) -> String {
        var hash = FNV1a()
        hash.mix(text.utf8)
        return hash.hex
    }

    /// The hex digest of labelled texts (each text's UTF-8, a separator and its label), for models trained
    /// on a sentiment corpus.
    /// - Complexity: O(total length of the texts).
    public static func of(texts: [LabeledText]) -> String {
        var hash = FNV1a()
        for text in texts {
            hash.mix(text.text.utf8)
            hash.mix(CollectionOfOne(0))
            hash.mix(CollectionOfOne(text.isPositive ? 1 : 0))
        }
        return hash.hex
    }
}

/// 64-bit FNV-1a over a stream of bytes.
private struct FNV1a {
    private var hash: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func mix<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
    }

    mutating func mix(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { mix($0) } }

    /// The digest as 16 lower-case hex digits.
    var hex: String {
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
