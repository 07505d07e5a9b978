import Foundation

/// Wall time per phase of a run, for `--timings`: a phase lasts from its first
/// report until the next phase is reported.
final class PhaseClock: @unchecked Sendable {
    private let lock = NSLock()
    private let start = Date()
    private var current: (name: String, since: Date)?
    private var phases: [(name: String, seconds: Double)] = []

    /// Marks the start of `phase` (reports of the current phase are ignored).
    func enter(_ phase: String) {
        lock.lock()
        defer { lock.unlock() }
        guard current?.name != phase else { return }
        let now = Date()
        if let current { phases.append((current.name, now.timeIntervalSince(current.since))) }
        current = (phase, now)
    }

    /// "read 0.41s, decode 1.20s, ..., total 6.02s", closing the current phase.
    func summary() -> String {
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        var all = phases
        if let current { all.append((current.name, now.timeIntervalSince(current.since))) }
        let parts = all.map { "\($0.name) \(String(format: "%.2f", $0.seconds))s" }
        return (parts + ["total \(String(format: "%.2f", now.timeIntervalSince(start)))s"]).joined(separator: ", ")
    }
}
