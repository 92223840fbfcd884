/// Every ``Store`` implementation the conformance suite runs against.
///
/// Test targets parameterise over `StoreKind.allCases` and build the store for each kind themselves,
/// so this library never depends on a concrete store.
public enum StoreKind: String, CaseIterable, Sendable, CustomStringConvertible {
    /// `SQLiteStore.inMemory()`: a `DatabaseQueue` on `:memory:`.
    case sqliteInMemory
    /// `SQLiteStore(path:)` on a file in a fresh temporary directory: a WAL `DatabasePool`.
    case sqliteFile
    /// `PostgresStore` on the server of `MARQUEE_DATABASE_URL`, in a fresh schema that is dropped afterwards.
    /// Skipped with a message when the variable is unset or the server unreachable, except under `CI=true`.
    case postgres

    /// Whether the kind needs a database server, so that its tests may be skipped when none is configured.
    public var needsServer: Bool { self == .postgres }

    /// The case name, shown in test results.
    public var description: String { rawValue }
}
