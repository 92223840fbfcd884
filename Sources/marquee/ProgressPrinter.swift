import Foundation
import Synchronization
import RecCore
import RecPipeline

/// Draws progress bars on standard error: redrawn in place on a terminal, one line per 10% otherwise.
final class ProgressPrinter: Sendable {
    private let state = Mutex(State())
    private let isTerminal = isatty(STDERR_FILENO) == 1

    private struct State {
        var phase = ""
        var lastDecile = -1
    }

    /// The handler to pass to pipeline functions.
    var handler: ProgressHandler { { [self] progress in self.show(progress) } }

    private func show(_ progress: TaskProgress) {
        let line = ProgressBar().render(progress)
        let decile = progress.total.map { $0 > 0 ? progress.completed * 10 / $0 : 0 } ?? -1
        state.withLock { state in
            let isNewPhase = state.phase != progress.phase
            if isTerminal {
                FileHandle.standardError.write(Data(((isNewPhase && !state.phase.isEmpty) ? "\n" : "\r") .utf8))
                FileHandle.standardError.write(Data(line.utf8))
            } else if isNewPhase || decile != state.lastDecile {
                FileHandle.standardError.write(Data((line + "\n").utf8))
            }
            state.phase = progress.phase
            state.lastDecile = decile
        }
    }

    /// Ends the current bar's line.
    func finish() {
        state.withLock { state in
            if isTerminal && !state.phase.isEmpty { FileHandle.standardError.write(Data("\n".utf8)) }
            state.phase = ""
            state.lastDecile = -1
        }
    }
}
