import ArgumentParser
import Foundation
import RecCore
import RecPipeline
import RecServer

/// `marquee recommend`: top-N for a user from the stored model, or for a mood described in words.
struct Recommend: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Recommend movies for a user from the trained model, or for a text saying what you feel like.",
        discussion: """
            Examples:
              marquee recommend 42
              marquee recommend --text "something funny and light after a long week"   (after marquee embed)
              marquee recommend 42 --explain --pitch   (the top-N model `serve` uses; MARQUEE_LLM_* for LLM pitches)
            """)

    @OptionGroup var store: StoreOptions

    @Argument(help: "The user's id as imported.")
    var user: String?

    @Option(help: "What you are in the mood for, in words: ranks movies by their description's similarity.")
    var text: String?

    @Option(help: "Folder holding all-MiniLM-L6-v2/ for --text (default: $MARQUEE_MODELS, else ./models).")
    var models: String?

    @Option(name: .shortAndLong, help: "How many movies.")
    var count = 10

    @Flag(help: "Explain each movie by the liked movies behind its score (uses the top-N model `serve` uses).")
    var explain = false

    @Flag(help: "Add a short pitch per movie: by the language model of MARQUEE_LLM_BASE_URL/_MODEL when set, else offline.")
    var pitch = false

    @Option(help: "Your mood, for --pitch.")
    var mood: String?

    func validate() throws {
        guard count > 0 else { throw ValidationError("--count must be at least 1, got \(count)") }
        guard (user == nil) != (text == nil) else {
            throw ValidationError("give either a user id or --text \"WHAT YOU FEEL LIKE\", not both or neither")
        }
        guard user != nil || !(explain || pitch) else { throw ValidationError("--explain and --pitch need a user id") }
    }

    func run() async throws {
        let output = try await store.location().withStore { database in
            if let text {
                let encoder = try ModelLocation(explicit: models).sentenceEncoder()
                return try await TextRecommending.recommend(text: text, count: count, store: database, encoder: encoder).text
            }
            if let user, explain || pitch {
                let llm = try ServerConfiguration.languageModel(in: ProcessInfo.processInfo.environment)
                return try await ExplainedRecommending.recommend(for: UserID(user), count: count, explain: explain, pitch: pitch,
                                                                 mood: mood, store: database, llm: pitch ? llm : nil).text
            }
            return try await Recommending.recommend(for: UserID(user ?? ""), count: count, store: database).text
        }
        print(output)
    }
}
