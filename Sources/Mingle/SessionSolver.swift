import Foundation

/// The library's entry point: solve a session end to end
/// (`Session -> Problem -> SolverResult -> Output`).
///
/// ```swift
/// let (session, _) = try Session.decode(bytes, file: "coffee.json")
/// let output = try SessionSolver().solve(session)  // throws SessionError on an invalid session
/// print(output.objective)  // the caller prints; the library never does
/// ```
///
/// `SessionSolver` holds no state and is `Sendable`: one value can serve
/// concurrent requests.
public struct SessionSolver: Sendable {
    /// Overrides `session.options` when set.
    public var solver: SolverChoice?
    public var timeLimit: Double?
    public var seed: UInt64?

    public init(solver: SolverChoice? = nil, timeLimit: Double? = nil, seed: UInt64? = nil) {
        self.solver = solver
        self.timeLimit = timeLimit
        self.seed = seed
    }

    /// The solver for a choice.
    public static func solver(for choice: SolverChoice) -> any GroupingSolver {
        switch choice {
        case .heuristic: return HeuristicSolver()
        case .exact: return ExactSolver()
        case .auto: return AutoSolver()
        }
    }

    /// Solves the session with its options (overridden by this value's fields).
    /// `progress` hears the phases "validating", "compiling", the solver's own, then "output".
    ///
    /// - Throws: `SessionError` when `session.validate()` (with this value's
    ///   overrides) finds an error: a session built in code gets the errors a
    ///   file would.
    ///
    /// - Parameter cancellation: when set, `cancel()` from any thread stops the
    ///   solver within a fraction of a second; the output then has the best
    ///   valid groups found and `stats.timeLimitReached`.
    public func solve(_ session: Session, cancellation: SolveCancellation? = nil,
                      progress: (@Sendable (String, Double) -> Void)? = nil) throws(SessionError) -> Output {
        try solve(session, validated: false, cancellation: cancellation, progress: progress)
    }

    /// `solve(_:cancellation:progress:)` for a session that `Session.decode` has just
    /// validated (`validated: true`): only what this value overrides (solver,
    /// time limit, seed) is checked again, so a large session is validated once.
    /// A session changed after decoding must be passed with `validated: false`.
    ///
    /// - Complexity: O(1) before compiling when `validated`; otherwise
    ///   `Session.validate`'s cost.
    package func solve(_ session: Session, validated: Bool, cancellation: SolveCancellation? = nil,
                       progress: (@Sendable (String, Double) -> Void)? = nil) throws(SessionError) -> Output {
        let start = Date()
        let clock = ContinuousClock.now
        var options = session.options
        if let solver { options.solver = solver }
        if let timeLimit { options.timeLimit = timeLimit }
        if let seed { options.seed = seed }
        progress?("validating", 0)
        let errors: [SessionIssue]
        if validated {
            errors = options.validate()
        } else {
            var checked = session
            checked.options = options
            errors = checked.validate().filter { $0.severity == .error }
        }
        guard errors.isEmpty else { throw SessionError(file: nil, issues: errors) }
        progress?("compiling", 0)
        let problem = Problem(session) { progress?("compiling", $0) }
        // The limit counts from the start: compiling spends part of it.
        var limits = SolveLimits(options, progress: progress, cancellation: cancellation)
        limits.started = clock
        var result = SessionSolver.solver(for: options.solver).solve(problem, limits: limits)
        if let fairness = FairnessPass(problem: problem) { result = fairness.apply(result) }
        progress?("output", 0)
        return Output(problem: problem, result: result, seconds: Date().timeIntervalSince(start))
    }
}
