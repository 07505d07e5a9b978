import Foundation
import Synchronization

/// A one-line progress display on standard error, shown only when stderr is a
/// terminal and the run has lasted more than a second.
final class ProgressLine: Sendable {
    private struct State {
        var phase = "reading"
        var fraction = 0.0
        var shown = false
        var timer: DispatchSourceTimer?
    }

    private let state = Mutex(State())
    private let start = Date()

    init?(enabled: Bool) {
        guard enabled, isatty(STDERR_FILENO) == 1 else { return nil }
        state.withLock { state in
            let timer = DispatchSource.makeTimerSource(queue: .global(qos: .utility))
            timer.schedule(deadline: .now() + 1, repeating: 0.25)
            timer.setEventHandler { [weak self] in self?.draw() }
            timer.resume()
            state.timer = timer
        }
    }

    /// Records the current phase and fraction (called from the solver's thread).
    func update(_ phase: String, _ fraction: Double) {
        state.withLock {
            $0.phase = phase
            $0.fraction = fraction
        }
    }

    private func draw() {
        let text = state.withLock { state in
            state.shown = true
            return String(format: "\rmingle: %@ %3.0f%%  %.1fs ", state.phase, state.fraction * 100, Date().timeIntervalSince(start))
        }
        Descriptor.standardError(text)
    }

    /// Stops the display and clears its line.
    func finish() {
        let shown = state.withLock { state in
            state.timer?.cancel()
            state.timer = nil
            return state.shown
        }
        if shown { Descriptor.standardError("\r\u{1B}[K") }
    }
}
