import RecStoreTesting
import RecTestSupport
import Testing

/// Every store conformance check on every store kind, each on a fresh store: the embedded kinds here, the
/// kinds that need a server in ``serverStoreConformance(kind:check:)``, so that those can be skipped with a
/// message (Swift Testing skips whole tests, not single cases).
@Test(arguments: StoreKind.allCases.filter { !$0.needsServer }, StoreConformance.Check.allCases)
func storeConformance(kind: StoreKind, check: StoreConformance.Check) async throws {
    try await kind.withStore { store in try await StoreConformance.run(check, on: store) }
}

/// The same checks on the kinds that need a server (PostgreSQL): skipped with a message when
/// `MARQUEE_DATABASE_URL` is unset or unreachable, except under `CI=true`.
@Test(.requiresPostgres, arguments: StoreKind.allCases.filter(\.needsServer), StoreConformance.Check.allCases)
func serverStoreConformance(kind: StoreKind, check: StoreConformance.Check) async throws {
    try await kind.withStore { store in try await StoreConformance.run(check, on: store) }
}
