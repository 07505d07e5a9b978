import Dispatch

/// The outcome of one session of a batch: its output and warnings, or why it
/// could not be read.
public enum BatchResult: Sendable {
    case solved(Output, warnings: [SessionIssue])
    case invalid(SessionError)
}

extension SessionSolver {
    /// Decodes and solves many sessions, each given as the bytes of a JSON
    /// document, on all cores; the results are in the order of `documents`,
    /// whatever the scheduling (each session is deterministic for its seed).
    /// An invalid document gives `.invalid` and does not stop the others.
    ///
    /// - Parameters:
    ///   - names: the name of each document in error messages (a file and a
    ///     line, say); nil for none.
    ///   - progress: called after each session with the number done so far,
    ///     from any thread; must be cheap.
    /// - Complexity: the sum of the sessions' costs, spread over the cores;
    ///   memory holds the results of all of them, so callers pass large
    ///   batches in chunks.
    public func solve(documents: [ArraySlice<UInt8>], names: [String?]? = nil,
                      progress: (@Sendable (_ done: Int) -> Void)? = nil) -> [BatchResult] {
        let counter = WorkCounter()
        return Parallel.map(documents.count) { i in
            let result: BatchResult
            do throws(SessionError) {
                let (session, warnings) = try Session.decode(documents[i], file: names?[i] ?? nil)
                result = .solved(try solve(session, validated: true), warnings: warnings)
            } catch {
                var located = error
                located.file = located.file ?? names?[i] ?? nil
                result = .invalid(located)
            }
            progress?(counter.add())
            return result
        }
    }
}
