import Dispatch
import Synchronization

extension SessionSolver {
    /// Solves the session without blocking Swift concurrency's threads: the
    /// synchronous solve runs on a Dispatch queue, and the calling task waits
    /// without holding a thread.
    ///
    /// ```swift
    /// let session = try JSONDecoder().decode(Session.self, from: body)
    /// let output = try await SessionSolver().solve(session)
    /// ```
    ///
    /// - Throws: `SessionError` when the session is not valid (`Session.validate()`);
    ///   `CancellationError` as soon as the calling task is cancelled (at
    ///   once): the solver is told through its `SolveCancellation` and its
    ///   thread stops within a fraction of a second (its result is dropped).
    /// - Parameter progress: told each phase and how far it is, from the
    ///   solving threads; must be cheap.
    public func solve(_ session: Session, progress: (@Sendable (SolveProgress) -> Void)? = nil) async throws -> Output {
        try await solve(session, validated: false, progress: progress)
    }

    /// The async `solve` for a session that `Session.decode` has just
    /// validated (see the synchronous `solve(_:validated:progress:)`).
    ///
    /// - Parameter waitsForThread: on cancellation, tell the solver and wait
    ///   until its thread has stopped (at its next safe point: the budget's
    ///   safety net), then throw `CancellationError`. For a caller that counts
    ///   running solver threads (the service's concurrency gate and its
    ///   in-flight gauge). By default it throws at once, as the public `solve`.
    package func solve(_ session: Session, validated: Bool, waitsForThread: Bool = false,
                       progress: (@Sendable (SolveProgress) -> Void)? = nil) async throws -> Output {
        try Task.checkCancellation()
        let handoff = SolveHandoff()
        let cancellation = SolveCancellation()
        let output = try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Output, any Error>) in
                guard handoff.wait(continuation) else { return }
                DispatchQueue.global(qos: .userInitiated).async {
                    do {
                        let output = try self.solve(session, validated: validated, cancellation: cancellation) { phase, fraction in
                            guard let phase = SolvePhase(rawValue: phase) else { return }
                            progress?(SolveProgress(phase: phase, fraction: fraction))
                        }
                        handoff.finish(.success(output))
                    } catch {
                        handoff.finish(.failure(error))
                    }
                }
            }
        } onCancel: {
            cancellation.cancel()
            if !waitsForThread { handoff.finish(.failure(CancellationError())) }
        }
        // Waiting for the thread: its groups are dropped, as when not waiting.
        // (Not waiting, a solve that ended before the cancellation returns.)
        if waitsForThread { try Task.checkCancellation() }
        return output
    }
}

/// Hands a solve's result to the waiting task exactly once: whichever of the
/// solve and the cancellation comes first resumes it, the other is dropped.
private final class SolveHandoff: Sendable {
    private enum State {
        case idle
        case waiting(CheckedContinuation<Output, any Error>)
        case cancelled
        case done
    }

    private let state = Mutex<State>(.idle)

    /// Stores the continuation; false (after resuming it) when cancelled already.
    func wait(_ continuation: CheckedContinuation<Output, any Error>) -> Bool {
        let cancelled = state.withLock { state -> Bool in
            if case .cancelled = state { state = .done; return true }
            state = .waiting(continuation)
            return false
        }
        if cancelled { continuation.resume(throwing: CancellationError()) }
        return !cancelled
    }

    func finish(_ result: Result<Output, any Error>) {
        let continuation = state.withLock { state -> CheckedContinuation<Output, any Error>? in
            switch state {
            case .idle:
                state = .cancelled
                return nil
            case .waiting(let c):
                state = .done
                return c
            case .cancelled, .done:
                return nil
            }
        }
        continuation?.resume(with: result)
    }
}
