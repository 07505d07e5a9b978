import Synchronization

/// At most `limit` solves at once, and at most `queueLimit` requests waiting
/// for a turn (first come, first served); past that, a request is turned away
/// at once so the client can retry later (503).
final class SolveGate: Sendable {
    private struct State {
        var running = 0
        var waiting: [(id: Int, turn: CheckedContinuation<Void, any Error>)] = []
        var nextID = 0
        /// Waiters cancelled before they were queued.
        var cancelled: Set<Int> = []
    }

    let limit: Int
    let queueLimit: Int
    private let state = Mutex(State())

    init(limit: Int, queueLimit: Int) {
        self.limit = limit
        self.queueLimit = queueLimit
    }

    /// Solves running and requests waiting now.
    var load: (running: Int, waiting: Int) { state.withLock { ($0.running, $0.waiting.count) } }

    struct Full: Error {}

    /// Waits for a slot; `leave()` gives it back. Throws `SolveGate.Full` when
    /// the queue is full, and `CancellationError` when the task is cancelled
    /// while it waits.
    func enter() async throws {
        try Task.checkCancellation()
        let id = state.withLock { s -> Int? in
            if s.running < limit && s.waiting.isEmpty { s.running += 1; return nil }
            s.nextID += 1
            return s.nextID
        }
        guard let id else { return }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (turn: CheckedContinuation<Void, any Error>) in
                let refused = state.withLock { s -> (any Error)? in
                    if s.cancelled.remove(id) != nil { return CancellationError() }
                    if s.waiting.count >= queueLimit { return Full() }
                    s.waiting.append((id, turn))
                    return nil
                }
                if let refused { turn.resume(throwing: refused) }
            }
        } onCancel: {
            let turn = state.withLock { s -> CheckedContinuation<Void, any Error>? in
                guard let i = s.waiting.firstIndex(where: { $0.id == id }) else {
                    s.cancelled.insert(id)  // not queued yet, or already given its turn
                    return nil
                }
                return s.waiting.remove(at: i).turn
            }
            turn?.resume(throwing: CancellationError())
        }
    }

    func leave() {
        let next = state.withLock { s -> CheckedContinuation<Void, any Error>? in
            guard !s.waiting.isEmpty else { s.running -= 1; return nil }
            return s.waiting.removeFirst().turn  // the slot passes to the next in line
        }
        next?.resume()
    }
}

/// A slot of the gate held past the handler (a streamed response): given back
/// once, by `release()` or when the slot is dropped unused.
final class GateSlot: Sendable {
    private let gate: SolveGate
    private let held = Mutex(true)

    init(gate: SolveGate) { self.gate = gate }

    func release() {
        if held.withLock({ held in defer { held = false }; return held }) { gate.leave() }
    }

    deinit { release() }
}
