import Foundation

/// A one-line progress display on standard error, shown only when stderr is a
/// terminal and the run has lasted more than a second.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private var phase = "reading"
    private var fraction = 0.0
    private var shown = false
    private let start = Date()
    private var timer: DispatchSourceTimer?

    init?(enabled: Bool) {
        guard enabled, isatty(STDERR_FILENO) == 1 else { return nil }
        let timer = DispatchSource.makeTimerSource(queue: .global(qos: .utility))
        timer.schedule(deadline: .now() + 1, repeating: 0.25)
        timer.setEventHandler { [weak self] in self?.draw() }
        timer.resume()
        self.timer = timer
    }

    /// Records the current phase and fraction (called from the solver's thread).
    func update(_ phase: String, _ fraction: Double) {
        lock.lock()
        self.phase = phase
        self.fraction = fraction
        lock.unlock()
    }

    private func draw() {
        lock.lock()
        let text = String(format: "\rmingle: %@ %3.0f%%  %.1fs ", phase, fraction * 100, Date().timeIntervalSince(start))
        shown = true
        lock.unlock()
        Descriptor.standardError(text)
    }

    /// Stops the display and clears its line.
    func finish() {
        timer?.cancel()
        timer = nil
        lock.lock()
        defer { lock.unlock() }
        if shown { Descriptor.standardError("\r\u{1B}[K") }
    }
}
