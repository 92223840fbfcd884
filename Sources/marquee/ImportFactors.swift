import ArgumentParser
import Foundation
import RecPipeline

/// `marquee import-factors`: ALS factors trained by Spark MLlib, served as the `topn-als` model.
struct ImportFactors: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-factors",
        abstract: "Serve ALS factors trained by Apache Spark MLlib (userFactors / itemFactors) as the top-N model.",
        discussion: """
            USERS and ITEMS are files or Spark output folders of JSON lines ({"id":1,"features":[…]}) or CSV \
            (id,features with a JSON array). Import the same data set first: its positives decide the seen items.
            """)

    @OptionGroup var store: StoreOptions

    @Option(help: "Spark's userFactors: a JSON lines or CSV file, or a folder of part files.")
    var users: String

    @Option(help: "Spark's itemFactors: a JSON lines or CSV file, or a folder of part files.")
    var items: String

    func run() async throws {
        let summary = try await store.location().withStore { database in
            try await FactorImport.run(users: URL(fileURLWithPath: users), items: URL(fileURLWithPath: items), store: database)
        }
        print(summary.text)
    }
}
