import ArgumentParser
import RecPipeline

/// The `--database` option shared by the commands that use a store.
struct StoreOptions: ParsableArguments {
    @Option(help: "SQLite file or postgres://user:password@host:port/database URL (default: MARQUEE_DATABASE_URL, else marquee.sqlite).")
    var database: String?

    func validate() throws {
        do {
            _ = try location()
        } catch {
            throw ValidationError("--database: \(error)")
        }
    }

    /// The store named by `--database`, else `MARQUEE_DATABASE_URL`, else `marquee.sqlite`.
    func location() throws -> StoreLocation {
        try StoreLocation.configured(flag: database)
    }
}
