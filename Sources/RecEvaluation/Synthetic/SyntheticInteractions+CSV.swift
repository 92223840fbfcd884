import Foundation
import RecCore

extension SyntheticInteractions {
    /// Writes `interactions` as CSV for the Python peer: a header `user,item,value`, then one
    /// `user,item,value` line per interaction (value 1 when absent; ids written as they are, so they must
    /// not contain commas or quotes, as the generator's decimal ids do not).
    /// - Throws: ``EvaluationError`` (`writeFailed`) when the file cannot be created or written.
    /// - Complexity: O(n); memory O(1) beyond a 1 MiB buffer.
    public static func writeCSV(_ interactions: [Interaction], to url: URL) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil),
              let handle = try? FileHandle(forWritingTo: url) else {
            throw EvaluationError(.writeFailed, "\(url.path): cannot create the file; does its folder exist and allow writing?")
        }
        defer { try? handle.close() }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20)
        buffer.append(contentsOf: "user,item,value\n".utf8)
        do {
            for interaction in interactions {
                let value = interaction.value ?? 1
                let text = value == value.rounded() && abs(value) < 1e9 ? String(Int(value)) : String(value)
                buffer.append(contentsOf: "\(interaction.user.rawValue),\(interaction.item.rawValue),\(text)\n".utf8)
                if buffer.count >= 1 << 20 {
                    try handle.write(contentsOf: buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            try handle.write(contentsOf: buffer)
        } catch {
            throw EvaluationError(.writeFailed, "\(url.path): writing failed", underlying: error)
        }
    }
}
