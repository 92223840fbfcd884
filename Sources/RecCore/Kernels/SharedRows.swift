/// The base address of a row-major Float matrix that the child tasks of one parallel kernel step all use.
///
/// `@unchecked Sendable` invariant: in each step every task writes only the rows (or, where documented,
/// the columns) it owns, disjoint from every other task's, and reads nothing another task writes in that
/// step; ``run(tasks:_:)`` returns only after all tasks finish, so steps never overlap. The invariant is
/// tested by `CholeskyInverseTests`, which checks the result is bit-for-bit the same for 1, 2 and 3 tasks.
@usableFromInline
struct SharedRows: @unchecked Sendable {
    /// The matrix's first element.
    let base: UnsafeMutablePointer<Float>

    /// Calls `body(t)` for t in 0..<`tasks` in child tasks of one task group and waits for all of them.
    /// - Throws: `CancellationError` when cancelled before a task starts.
    static func run(tasks: Int, _ body: @escaping @Sendable (Int) -> Void) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for t in 0..<tasks {
                group.addTask {
                    try Task.checkCancellation()
                    body(t)
                }
            }
            try await group.waitForAll()
        }
    }
}
