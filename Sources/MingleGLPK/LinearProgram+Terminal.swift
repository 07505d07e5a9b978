// LinearProgram+Terminal.swift

/// Receives GLPK terminal output for one problem. Referenced unretained by
/// GLPK's per-thread terminal hook while the problem is active.
final class TerminalSink {
    var handler: ((String) -> Void)?

    init(handler: ((String) -> Void)?) {
        self.handler = handler
    }

    func receive(_ text: String) {
        handler?(text)
    }
}

extension LinearProgram {
    /// Where GLPK's terminal output goes while this problem is used:
    /// called with chunks of text (not necessarily whole lines), or nil to
    /// discard it. GLPK never writes to stdout either way.
    ///
    /// How much GLPK writes is set per solve with
    /// ``LPOptions/messageLevel`` / ``MIPOptions/messageLevel`` (default
    /// off). The handler is called synchronously from inside GLPK and must
    /// not call GLPK.
    public var output: ((String) -> Void)? {
        get { terminal.handler }
        nonmutating set { terminal.handler = newValue }
    }

    /// Points the calling thread's GLPK terminal hook at this problem's
    /// sink (`glp_term_hook`; GLPK keeps the hook per thread). Called at
    /// the start of every operation, so that with nested problems on one
    /// thread output always reaches the problem being worked on. O(1).
    func activateTerminal() {
        glpk_route_terminal(to: terminal)
    }
}
