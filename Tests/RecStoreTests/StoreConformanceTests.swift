import RecStoreTesting
import Testing

/// Every store conformance check on every SQLite store kind, each on a fresh store.
@Test(arguments: StoreKind.allCases, StoreConformance.Check.allCases)
func storeConformance(kind: StoreKind, check: StoreConformance.Check) async throws {
    try await kind.withStore { store in try await StoreConformance.run(check, on: store) }
}
