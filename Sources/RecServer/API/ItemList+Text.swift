import Foundation
import RecGeneration

extension ItemList {
    /// The list for a terminal: one numbered line per item (title, year, genres, score), then its explanation,
    /// notes and pitch indented below it, each pitch marked with the generator that wrote it.
    public var text: String {
        var lines = ["top \(items.count)\(model.map { " (\($0))" } ?? "")\(fallback ? ", popular picks: no usable history" : ""):"]
        for (rank, item) in items.enumerated() {
            let year = item.year.map { " (\($0))" } ?? ""
            lines.append("\(rank + 1). \(item.title.isEmpty ? item.id : item.title)\(year)  \(item.genres.joined(separator: "|"))  "
                         + "score \(String(format: "%.4f", Double(item.score)))")
            if let explanation = item.explanation {
                lines.append("   why: \(explanation.text)")
                for evidence in explanation.evidence {
                    lines.append("        \(evidence.kind.rawValue) \(evidence.title.isEmpty ? evidence.item : evidence.title): "
                                 + String(format: "%+.4f", Double(evidence.weight)))
                }
                if let remainder = explanation.remainder, remainder != 0 {
                    lines.append("        other liked items: " + String(format: "%+.4f", Double(remainder)))
                }
                for theme in explanation.themes {
                    lines.append("        theme \(theme.theme): cosine " + String(format: "%.4f", Double(theme.weight)))
                }
                for note in explanation.notes { lines.append("   note: \(note)") }
            }
            if let pitch = item.pitch {
                let writer = pitch.generator == .llm ? "llm \(pitch.model ?? "")" : "offline"
                lines.append("   pitch (\(writer)): \(pitch.text)")
                if let reason = pitch.fallbackReason { lines.append("   (language model not used: \(reason))") }
            }
        }
        return lines.joined(separator: "\n")
    }
}
