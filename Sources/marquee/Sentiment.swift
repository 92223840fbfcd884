import ArgumentParser
import RecPipeline
import RecStoreSQLite

/// `marquee sentiment`: how positive or negative a text is; `--train` fits the classifier, `--evaluate`
/// measures it next to VADER.
struct Sentiment: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the sentiment of a text: the trained classifier's label and probability, and VADER's scores.",
        discussion: """
            Examples:
              marquee sentiment --train                  # fit the classifier on SST-2 and save it in the store
              marquee sentiment "loved it, the ending broke me"
              marquee sentiment --evaluate               # accuracy on SST-2 test, rt-polarity and IMDb
            """)

    @Argument(help: "The text to score.")
    var text: String?

    @Flag(help: "Train the classifier on SST-2 (from --data) with MiniLM embeddings and save it in the store.")
    var train = false

    @Flag(help: "Print the accuracy of the classifier and of VADER on SST-2 test, rt-polarity and IMDb test.")
    var evaluate = false

    @Option(help: "With --evaluate: score every n-th IMDb test review (25 reads 1,000; 1 reads all 25,000).")
    var imdbStride = 25

    @OptionGroup var store: StoreOptions

    @Option(help: "Folder holding the data sets (default: $MARQUEE_DATA, else ../shared/data).")
    var data: String?

    @Option(help: "Folder holding all-MiniLM-L6-v2 (default: $MARQUEE_MODELS, else ./models).")
    var models: String?

    func validate() throws {
        let modes = [text != nil, train, evaluate].filter { $0 }.count
        guard modes == 1 else {
            throw ValidationError("give exactly one of: a text to score, --train, --evaluate")
        }
        guard imdbStride >= 1 else { throw ValidationError("--imdb-stride is \(imdbStride); expected 1 or more") }
    }

    func run() async throws {
        let modelLocation = ModelLocation(explicit: models)
        if train {
            let summary = try await store.location().withStore { database in
                try await SentimentAnalysis.train(data: DataLocation(explicit: data), models: modelLocation, store: database)
            }
            print(summary.text)
            return
        }
        // Scoring and evaluation read a classifier only if the database file exists, which is SQLite's notion.
        guard case .sqlite(let path, _) = try store.location() else {
            throw ValidationError("--database: sentiment scoring and --evaluate read a SQLite file; only --train works with PostgreSQL")
        }
        if evaluate {
            let report = try await SentimentAnalysis.evaluate(
                data: DataLocation(explicit: data), models: modelLocation,
                store: try SentimentAnalysis.existingStore(at: path), imdbStride: imdbStride)
            print(report.text)
        } else if let text {
            print(try await SentimentAnalysis.analyze(text, database: path, models: modelLocation).text)
        }
    }
}
