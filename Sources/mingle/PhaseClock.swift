import Foundation
import Synchronization

/// Wall time per phase of a run, for `--timings`: a phase lasts from its first
/// report until the next phase is reported.
final class PhaseClock: Sendable {
    private struct State {
        var current: (name: String, since: Date)?
        var phases: [(name: String, seconds: Double)] = []
    }

    private let start = Date()
    private let state = Mutex(State())

    /// Marks the start of `phase` (reports of the current phase are ignored).
    func enter(_ phase: String) {
        state.withLock { state in
            guard state.current?.name != phase else { return }
            let now = Date()
            if let current = state.current { state.phases.append((current.name, now.timeIntervalSince(current.since))) }
            state.current = (phase, now)
        }
    }

    /// "read 0.41s, decode 1.20s, ..., total 6.02s", closing the current phase.
    func summary() -> String {
        state.withLock { state in
            let now = Date()
            var all = state.phases
            if let current = state.current { all.append((current.name, now.timeIntervalSince(current.since))) }
            let parts = all.map { "\($0.name) \(String(format: "%.2f", $0.seconds))s" }
            return (parts + ["total \(String(format: "%.2f", now.timeIntervalSince(start)))s"]).joined(separator: ", ")
        }
    }
}
