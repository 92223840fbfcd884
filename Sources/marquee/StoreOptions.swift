import ArgumentParser

/// The `--database` option shared by the commands that use a store.
struct StoreOptions: ParsableArguments {
    @Option(help: "SQLite database file.")
    var database = "marquee.sqlite"
}
