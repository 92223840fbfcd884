import RecCore

/// A digest of training interactions, stored with each model so a stale model can be recognised, and of an
/// item's text, stored with its embedding so only changed texts are embedded again.
///
/// FNV-1a (64-bit) over each interaction's user, item, kind, value bits and timestamp, in the order
/// given, or over a text's UTF-8 bytes. Not a cryptographic hash: it detects change, not tampering.
public enum DataFingerprint {
    /// The hex digest of `interactions`.
    /// - Complexity: O(total length of ids).
    public static func of(_ interactions: [Interaction]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
        }
        func mix(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { mix($0) } }
        for interaction in interactions {
            mix(interaction.user.rawValue.utf8)
            mix(CollectionOfOne(0))
            mix(interaction.item.rawValue.utf8)
            mix(CollectionOfOne(0))
            mix(interaction.kind.rawValue.utf8)
            mix(UInt64(interaction.value?.bitPattern ?? .max))
            mix(UInt64(bitPattern: interaction.timestamp ?? .min))
        }
        return hexadecimal(hash)
    }

    /// The hex digest of `text`'s UTF-8 bytes.
    /// - Complexity: O(text length).
    public static func of(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hexadecimal(hash)
    }

    /// `hash` as 16 lowercase hex digits.
    private static func hexadecimal(_ hash: UInt64) -> String {
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
