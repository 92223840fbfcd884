import ArgumentParser
import RecCore
import RecPipeline
import RecStoreSQLite

/// `marquee recommend`: top-N for a user from the stored model.
struct Recommend: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Recommend movies for a user from the trained model.")

    @OptionGroup var store: StoreOptions

    @Argument(help: "The user's id as imported.")
    var user: String

    @Option(name: .shortAndLong, help: "How many movies.")
    var count = 10

    func validate() throws {
        guard count > 0 else { throw ValidationError("--count must be at least 1, got \(count)") }
    }

    func run() async throws {
        let list = try await Recommending.recommend(for: UserID(user), count: count,
                                                    store: try SQLiteStore(path: store.database))
        print(list.text)
    }
}
