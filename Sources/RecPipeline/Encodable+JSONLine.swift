import Foundation

extension Encodable {
    /// This value as one line of JSON with sorted keys, for a benchmark child to print.
    var jsonLine: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // Benchmark reports hold plain numbers, strings and arrays: encoding them cannot fail.
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
