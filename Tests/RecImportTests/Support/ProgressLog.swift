import Foundation
import RecCore
import Synchronization

/// Collects the progress reports of an import, from whatever thread calls the handler.
final class ProgressLog: Sendable {
    private let storage = Mutex<[TaskProgress]>([])

    /// Records one report.
    func append(_ report: TaskProgress) {
        storage.withLock { $0.append(report) }
    }

    /// The reports so far, in order.
    var reports: [TaskProgress] { storage.withLock { $0 } }
}
