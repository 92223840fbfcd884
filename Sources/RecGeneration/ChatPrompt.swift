/// The two messages sent for one pitch: instructions, then the item's catalogue facts and the pseudonymous
/// interest summary. Nothing else goes in: no user id, name or item id, and review text only as the summary
/// carries it (``OpenAIChatPitchGenerator`` removes it unless the operator allows it).
enum ChatPrompt {
    /// The system message.
    static let instructions = """
        You write a short pitch, at most three sentences and under 70 words, telling one viewer why a film suits \
        their interests. Use only the facts given about the film. Do not mention any person, place, year, genre, \
        award or plot detail that is not in the facts. Start with what in the film matches their interests. \
        Answer with the pitch only.
        """

    /// The labels of the user message; an answer that contains one repeats the prompt instead of pitching.
    static let labels = ["Film facts:", "Viewer's interests:", "Themes they like:", "Current mood:", "Write the pitch.",
                         "What they wrote about films they liked:"]

    /// Whether `answer` repeats a label of the prompt.
    static func isEcho(_ answer: String) -> Bool { labels.contains { answer.contains($0) } }

    /// The system and user messages for `facts` and `interests`.
    static func messages(for facts: PitchFacts, interests: InterestSummary) -> [ChatCompletion.Message] {
        var lines = [labels[0], "Title: \(facts.title)"]
        if let year = facts.year { lines.append("Year: \(year)") }
        if !facts.genres.isEmpty { lines.append("Genres: \(facts.genres.joined(separator: ", "))") }
        if !facts.tagline.isEmpty { lines.append("Tagline: \(facts.tagline)") }
        if !facts.overview.isEmpty { lines.append("Overview: \(facts.overview)") }
        if !facts.keywords.isEmpty { lines.append("Keywords: \(facts.keywords.joined(separator: ", "))") }
        lines.append("")
        lines.append(labels[1])
        lines.append("\(labels[2]) \(interests.themes.isEmpty ? "unknown" : interests.themes.joined(separator: ", "))")
        if let mood = interests.mood { lines.append("\(labels[3]) \(mood)") }
        if !interests.reviews.isEmpty {
            lines.append(labels[5])
            lines += interests.reviews.map { "- \($0)" }
        }
        lines.append("")
        lines.append(labels[4])
        return [ChatCompletion.Message(role: "system", content: instructions),
                ChatCompletion.Message(role: "user", content: lines.joined(separator: "\n"))]
    }
}
