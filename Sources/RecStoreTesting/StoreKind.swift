/// Every ``Store`` implementation the conformance suite runs against.
///
/// Test targets parameterise over `StoreKind.allCases` and build the store for each kind themselves,
/// so this library never depends on a concrete store.
public enum StoreKind: String, CaseIterable, Sendable, CustomStringConvertible {
    /// `SQLiteStore.inMemory()`: a `DatabaseQueue` on `:memory:`.
    case sqliteInMemory
    /// `SQLiteStore(path:)` on a file in a fresh temporary directory: a WAL `DatabasePool`.
    case sqliteFile

    /// The case name, shown in test results.
    public var description: String { rawValue }
}
